package dev.keel.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DoctorReportTest {

    private static DoctorFinding finding(String check, DoctorSeverity severity, double closeness) {
        return new DoctorFinding(
                check,
                severity,
                check + " found",
                Map.of(),
                Impact.score(severity, closeness),
                "it hurts",
                DoctorFinding.runbookOf(check));
    }

    @Test
    void thePrincipalIsTheFindingWithTheLargestImpactAndTheRestFollowRanked() {
        DoctorReport report = DoctorReport.of(
                List.of(
                        finding("cache-hit-ratio", DoctorSeverity.INFO, 1),
                        finding("wraparound-age", DoctorSeverity.CRITICAL, 0.5),
                        finding("blocking-chains", DoctorSeverity.WARNING, 0.9)),
                List.of("cache-hit-ratio", "wraparound-age", "blocking-chains"));

        assertThat(report.principal().check()).isEqualTo("wraparound-age");
        assertThat(report.findings())
                .extracting(DoctorFinding::check)
                .containsExactly("wraparound-age", "blocking-chains", "cache-hit-ratio");
        assertThat(report.hasCritical()).isTrue();
    }

    @Test
    void aCriticalFindingAlwaysOutranksAWarningAndAWarningAnInfo() {
        assertThat(Impact.score(DoctorSeverity.CRITICAL, 0))
                .isGreaterThan(Impact.score(DoctorSeverity.WARNING, 1) - 0.01);
        assertThat(Impact.score(DoctorSeverity.WARNING, 0))
                .isGreaterThanOrEqualTo(Impact.score(DoctorSeverity.INFO, 1));
        assertThat(Impact.score(DoctorSeverity.WARNING, 2)).isEqualTo(70);
    }

    @Test
    void anEmptyReportHasNoPrincipalAndNothingCritical() {
        DoctorReport report = DoctorReport.of(List.of(), List.of("blocking-chains"));

        assertThat(report.principal()).isNull();
        assertThat(report.hasCritical()).isFalse();
        assertThat(report.checks()).containsExactly("blocking-chains");
    }

    @Test
    void aCheckThatCouldNotRunIsNeitherAPassNorHealthy() {
        DoctorReport report = DoctorReport.of(
                List.of(),
                List.of(
                        CheckResult.ran("wraparound-age", 0),
                        CheckResult.notRun(
                                "blocking-chains", "needs every session's waits", "GRANT pg_read_all_stats TO app;")),
                null);

        assertThat(report.hasCritical()).isFalse();
        assertThat(report.healthy()).isFalse();
        assertThat(report.result("wraparound-age").status()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(report.notRun()).singleElement().satisfies(r -> {
            assertThat(r.check()).isEqualTo("blocking-chains");
            assertThat(r.status().label()).isEqualTo("not-run");
            assertThat(r.fix()).isEqualTo("GRANT pg_read_all_stats TO app;");
        });
        assertThat(DoctorReport.of(List.of(), List.of("wraparound-age")).healthy())
                .isTrue();
    }
}
