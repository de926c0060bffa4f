package dev.larder.engine.command;

import java.util.Comparator;
import java.util.List;

/**
 * The two sorts GEORADIUS and GEOSEARCH use, ported so that points at equal distances
 * come out in redis-server's order: glibc's {@code qsort} (a stable top-down merge sort,
 * {@code msort_with_tmp}) when every point is returned, and Redis's {@code pqsort.c}
 * (NetBSD's Bentley-McIlroy quicksort that only sorts the partitions overlapping the
 * wanted range; BSD-licensed, Copyright (c) 1992, 1993 The Regents of the University of
 * California, (c) 2009-2012 Salvatore Sanfilippo) when COUNT keeps fewer. Both take the C
 * comparator's int results as they are, so a NaN distance sorts as C sorts it.
 */
final class GeoSort {

	private GeoSort() {
	}

	/** glibc's msort_with_tmp over the whole list. */
	static <T> void mergeSort(List<T> a, Comparator<? super T> cmp) {
		@SuppressWarnings("unchecked")
		T[] tmp = (T[]) new Object[a.size()];
		mergeSort(a, 0, a.size(), cmp, tmp);
	}

	private static <T> void mergeSort(List<T> a, int b, int n, Comparator<? super T> cmp, T[] tmp) {
		if (n <= 1) {
			return;
		}
		int n1 = n / 2;
		int n2 = n - n1;
		int b1 = b;
		int b2 = b + n1;
		mergeSort(a, b1, n1, cmp, tmp);
		mergeSort(a, b2, n2, cmp, tmp);
		int t = 0;
		while (n1 > 0 && n2 > 0) {
			if (cmp.compare(a.get(b1), a.get(b2)) <= 0) {
				tmp[t++] = a.get(b1++);
				n1--;
			}
			else {
				tmp[t++] = a.get(b2++);
				n2--;
			}
		}
		while (n1 > 0) {
			tmp[t++] = a.get(b1++);
			n1--;
		}
		// what is left of the second half is already in place
		for (int i = 0; i < t; i++) {
			a.set(b + i, tmp[i]);
		}
	}

	/**
	 * pqsort: sorts enough of {@code a} that the elements from {@code lrange} to
	 * {@code rrange} (inclusive) are the ones a full sort would put there.
	 */
	static <T> void partialQuickSort(List<T> a, Comparator<? super T> cmp, int lrange, int rrange) {
		pqsort(a, 0, a.size(), cmp, lrange, rrange);
	}

	private static <T> void pqsort(List<T> a, int base, int n, Comparator<? super T> cmp, int lrange, int rrange) {
		while (true) {
			if (n < 7) {
				for (int pm = base + 1; pm < base + n; pm++) {
					for (int pl = pm; pl > base && cmp.compare(a.get(pl - 1), a.get(pl)) > 0; pl--) {
						swap(a, pl, pl - 1);
					}
				}
				return;
			}
			int pm = base + n / 2;
			if (n > 7) {
				int pl = base;
				int pn = base + n - 1;
				if (n > 40) {
					int d = n / 8;
					pl = med3(a, pl, pl + d, pl + 2 * d, cmp);
					pm = med3(a, pm - d, pm, pm + d, cmp);
					pn = med3(a, pn - 2 * d, pn - d, pn, cmp);
				}
				pm = med3(a, pl, pm, pn, cmp);
			}
			swap(a, base, pm);
			int pa = base + 1;
			int pb = pa;
			int pc = base + n - 1;
			int pd = pc;
			while (true) {
				int r;
				while (pb <= pc && (r = cmp.compare(a.get(pb), a.get(base))) <= 0) {
					if (r == 0) {
						swap(a, pa, pb);
						pa++;
					}
					pb++;
				}
				while (pb <= pc && (r = cmp.compare(a.get(pc), a.get(base))) >= 0) {
					if (r == 0) {
						swap(a, pc, pd);
						pd--;
					}
					pc--;
				}
				if (pb > pc) {
					break;
				}
				swap(a, pb, pc);
				pb++;
				pc--;
			}
			int pn = base + n;
			int r = Math.min(pa - base, pb - pa);
			vecswap(a, base, pb - r, r);
			r = Math.min(pd - pc, pn - pd - 1);
			vecswap(a, pb, pn - r, r);
			if ((r = pb - pa) > 1 && overlaps(base, r, lrange, rrange)) {
				pqsort(a, base, r, cmp, lrange, rrange);
			}
			if ((r = pd - pc) > 1) {
				// iterate rather than recurse, as the C code does
				base = pn - r;
				n = r;
				if (overlaps(base, n, lrange, rrange)) {
					continue;
				}
			}
			return;
		}
	}

	/** Whether the wanted range is not wholly before or wholly after the partition. */
	private static boolean overlaps(int base, int n, int lrange, int rrange) {
		int last = base + n - 1;
		return !(lrange < base && rrange < base || lrange > last && rrange > last);
	}

	private static <T> int med3(List<T> a, int x, int y, int z, Comparator<? super T> cmp) {
		return cmp.compare(a.get(x), a.get(y)) < 0
				? (cmp.compare(a.get(y), a.get(z)) < 0 ? y : (cmp.compare(a.get(x), a.get(z)) < 0 ? z : x))
				: (cmp.compare(a.get(y), a.get(z)) > 0 ? y : (cmp.compare(a.get(x), a.get(z)) < 0 ? x : z));
	}

	private static <T> void swap(List<T> a, int i, int j) {
		T t = a.get(i);
		a.set(i, a.get(j));
		a.set(j, t);
	}

	private static <T> void vecswap(List<T> a, int i, int j, int n) {
		for (int k = 0; k < n; k++) {
			swap(a, i + k, j + k);
		}
	}

}
