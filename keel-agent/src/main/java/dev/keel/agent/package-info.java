/**
 * {@code keel up}: the long-running agent next to the database. It leads or stands by (an advisory lock), runs the
 * scheduled jobs (statistics, doctor, backups, WAL streaming, drills), serves /metrics and the dashboard, and sends
 * alerts.
 */
package dev.keel.agent;
