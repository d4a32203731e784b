package com.campaigntracker.query.campaigns;

import com.campaigntracker.query.projection.Docs;
import org.bson.Document;

import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Sorted arrays and date-ordered counts: the campaign documents stay byte-for-byte deterministic. */
public final class SortedDocs {
    private SortedDocs() {
    }

    /**
     * Finds the element whose {@code keyField} equals {@code key} in a list kept sorted by that field, inserting a
     * new one at its sorted place when absent. Sorted arrays keep documents byte-for-byte deterministic whatever
     * the order in which keys first appeared.
     */
    public static Document upsertSorted(List<Document> list, String keyField, String key, Supplier<Document> creator) {
        int lo = 0;
        int hi = list.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = list.get(mid).getString(keyField).compareTo(key);
            if (c == 0) {
                return list.get(mid);
            } else if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        Document created = creator.get();
        list.add(lo, created);
        return created;
    }

    /**
     * Activities per activity date, {@code {"2025-07-04": 2, …}} in date order under {@code owner.dates}: a map keyed
     * by date is half the size of a list of {date, n} pairs, and these are rewritten with every batch. A date whose
     * count returns to zero is removed.
     */
    public static void countByDate(Document owner, String date, int sign) {
        Document dates = (Document) owner.get("dates");
        long n = Docs.l(dates, date) + sign;
        if (n == 0) {
            dates.remove(date);
            return;
        }
        String last = lastKey(dates);
        boolean staysInOrder = dates.containsKey(date) || last == null || last.compareTo(date) < 0;
        dates.put(date, n);
        if (!staysInOrder) {
            TreeMap<String, Object> sorted = new java.util.TreeMap<>(dates);
            dates.clear();
            dates.putAll(sorted);
        }
    }

    /** The last key of a document (the latest date of date counts kept in date order), or null if it is empty. */
    public static String lastKey(Document d) {
        String last = null;
        for (String key : d.keySet()) {
            last = key;
        }
        return last;
    }
}
