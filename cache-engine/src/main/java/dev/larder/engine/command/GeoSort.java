package dev.larder.engine.command;

import java.util.Comparator;
import java.util.List;

/**
 * The two sorts GEORADIUS and GEOSEARCH use, ported so that points at equal distances
 * come out in redis-server's order: glibc's {@code qsort} (a stable top-down merge sort,
 * {@code msort_with_tmp}) when every point is returned, and Redis's {@code pqsort.c}
 * ({@link PartialQuickSort}) when COUNT keeps fewer. Both take the C comparator's int
 * results as they are, so a NaN distance sorts as C sorts it.
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
	 * {@code rrange} (inclusive) are the ones a full sort would put there. The same port
	 * SORT uses ({@link PartialQuickSort}), over a copy of the list.
	 */
	static <T> void partialQuickSort(List<T> a, Comparator<? super T> cmp, int lrange, int rrange) {
		@SuppressWarnings("unchecked")
		T[] items = (T[]) a.toArray();
		PartialQuickSort.sort(items, items.length, cmp, lrange, rrange);
		for (int i = 0; i < items.length; i++) {
			a.set(i, items[i]);
		}
	}

}
