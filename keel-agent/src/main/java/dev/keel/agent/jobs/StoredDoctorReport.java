package dev.keel.agent.jobs;

import dev.keel.doctor.DoctorReport;
import java.time.Instant;

/**
 * The doctor job's newest report as agent_doctor keeps it.
 *
 * @param at when the doctor ran
 * @param agent the agent whose doctor job ran it
 */
public record StoredDoctorReport(DoctorReport report, Instant at, String agent) {}
