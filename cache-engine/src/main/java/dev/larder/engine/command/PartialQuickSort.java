package dev.larder.engine.command;

import java.util.Comparator;

/**
 * Redis's pqsort.c: the NetBSD libc quicksort (Bentley and McIlroy's "Engineering a Sort
 * Function"), as Redis 7.0 has it (without the later switch to insertion sort when a pass
 * swapped nothing), that only recurses into partitions overlapping the range the caller
 * wants sorted. SORT uses it for BY with LIMIT; ported so that elements of equal weight
 * come out in the same order as from Redis, since the sort is not stable. Indexes replace
 * pointers: a partition is skipped when both range ends lie before it, or both after it.
 *
 * <p>
 * Port of Redis's src/pqsort.c (BSD-licensed, itself the NetBSD qsort.c, Copyright (c)
 * 1992, 1993 The Regents of the University of California, and 2009-2012 Salvatore
 * Sanfilippo).
 */
final class PartialQuickSort {

	private PartialQuickSort() {
	}

	/**
	 * Sorts {@code a[0..n)} enough that {@code a[lrange..rrange]} holds what a full sort
	 * would put there.
	 */
	static <T> void sort(T[] a, int n, Comparator<? super T> cmp, long lrange, long rrange) {
		pqsort(a, 0, n, cmp, lrange, rrange);
	}

	private static <T> int med3(T[] v, int a, int b, int c, Comparator<? super T> cmp) {
		return cmp.compare(v[a], v[b]) < 0 ? (cmp.compare(v[b], v[c]) < 0 ? b : (cmp.compare(v[a], v[c]) < 0 ? c : a))
				: (cmp.compare(v[b], v[c]) > 0 ? b : (cmp.compare(v[a], v[c]) < 0 ? a : c));
	}

	private static <T> void swap(T[] v, int i, int j) {
		T t = v[i];
		v[i] = v[j];
		v[j] = t;
	}

	private static <T> void vecswap(T[] v, int i, int j, int n) {
		for (int k = 0; k < n; k++) {
			swap(v, i + k, j + k);
		}
	}

	private static <T> void insertionSort(T[] v, int a, int n, Comparator<? super T> cmp) {
		for (int pm = a + 1; pm < a + n; pm++) {
			for (int pl = pm; pl > a && cmp.compare(v[pl - 1], v[pl]) > 0; pl--) {
				swap(v, pl, pl - 1);
			}
		}
	}

	/** Whether {@code [first, last]} and the wanted range overlap (pqsort's test). */
	private static boolean wanted(long first, long last, long lrange, long rrange) {
		return !(lrange < first && rrange < first || lrange > last && rrange > last);
	}

	private static <T> void pqsort(T[] v, int a, int n, Comparator<? super T> cmp, long lrange, long rrange) {
		for (;;) {
			if (n < 7) {
				insertionSort(v, a, n, cmp);
				return;
			}
			int pm = a + n / 2;
			if (n > 7) {
				int pl = a;
				int pn = a + n - 1;
				if (n > 40) {
					int d = n / 8;
					pl = med3(v, pl, pl + d, pl + 2 * d, cmp);
					pm = med3(v, pm - d, pm, pm + d, cmp);
					pn = med3(v, pn - 2 * d, pn - d, pn, cmp);
				}
				pm = med3(v, pl, pm, pn, cmp);
			}
			swap(v, a, pm);
			int pa = a + 1;
			int pb = pa;
			int pc = a + n - 1;
			int pd = pc;
			for (;;) {
				int r;
				while (pb <= pc && (r = cmp.compare(v[pb], v[a])) <= 0) {
					if (r == 0) {
						swap(v, pa, pb);
						pa++;
					}
					pb++;
				}
				while (pb <= pc && (r = cmp.compare(v[pc], v[a])) >= 0) {
					if (r == 0) {
						swap(v, pc, pd);
						pd--;
					}
					pc--;
				}
				if (pb > pc) {
					break;
				}
				swap(v, pb, pc);
				pb++;
				pc--;
			}
			int pn = a + n;
			int r = Math.min(pa - a, pb - pa);
			vecswap(v, a, pb - r, r);
			r = Math.min(pd - pc, pn - pd - 1);
			vecswap(v, pb, pn - r, r);
			if ((r = pb - pa) > 1 && wanted(a, a + r - 1, lrange, rrange)) {
				pqsort(v, a, r, cmp, lrange, rrange);
			}
			if ((r = pd - pc) > 1) {
				// iterate rather than recurse
				a = pn - r;
				n = r;
				if (wanted(a, a + r - 1, lrange, rrange)) {
					continue;
				}
			}
			return;
		}
	}

}
