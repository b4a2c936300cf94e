package dev.keel.projection;

import java.util.List;

/**
 * One group whose counter differs from the table, values as text.
 *
 * @param group the group columns' values, null for NULL
 * @param trueSum null when the counter keeps no sum
 */
public record DriftedGroup(
        List<String> group, String trueCount, String counterCount, String trueSum, String counterSum) {}
