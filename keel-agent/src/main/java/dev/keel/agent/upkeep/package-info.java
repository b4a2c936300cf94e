/**
 * What keel's registry tables say about the projections and partition sets it keeps, with the catalog's facts beside
 * them, each in one bounded statement: /metrics and the dashboard's schema page read the same rows.
 */
package dev.keel.agent.upkeep;
