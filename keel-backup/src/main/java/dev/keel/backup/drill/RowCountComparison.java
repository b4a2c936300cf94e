package dev.keel.backup.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Row counts of the restored cluster against those the manifest recorded at the backup's end.
 *
 * @param compared tables counted in both
 * @param differences one line per table whose count differs or that is gone, "shop.public.orders: 120 in the backup, 118 restored"
 */
public record RowCountComparison(int compared, List<String> differences) {
    public RowCountComparison {
        differences = List.copyOf(differences);
    }

    public static RowCountComparison of(Map<String, Long> recorded, Map<String, Long> restored) {
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, Long> table : new TreeMap<>(recorded).entrySet()) {
            Long now = restored.get(table.getKey());
            if (now == null) {
                differences.add(table.getKey() + ": " + table.getValue()
                        + " rows in the backup, table missing from the restore");
            } else {
                compared++;
                if (!now.equals(table.getValue())) {
                    differences.add(
                            table.getKey() + ": " + table.getValue() + " rows in the backup, " + now + " restored");
                }
            }
        }
        return new RowCountComparison(compared, differences);
    }
}
