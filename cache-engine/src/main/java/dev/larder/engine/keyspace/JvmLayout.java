package dev.larder.engine.keyspace;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The heap sizes of the objects the keyspace is made of, as the running JVM lays them
 * out: object header, reference width, array headers and object alignment are read from
 * the HotSpot flags that decide them ({@code UseCompressedOops}, which HotSpot turns on
 * for heaps under 32 GB, {@code UseCompressedClassPointers},
 * {@code UseCompactObjectHeaders} on JDK 24+, {@code ObjectAlignmentInBytes}), so memory
 * accounting counts what the heap really holds. On a JVM without those flags it assumes
 * HotSpot's defaults for the heap size.
 *
 * <p>
 * An instance's size is worked out from its class's fields the way HotSpot's field layout
 * (JDK 15 and later) places them: each class's fields largest first, references last,
 * each in the first gap that fits it, subclasses filling their superclasses' gaps.
 */
public final class JvmLayout {

	/** Bytes of a reference field or array slot. */
	public static final int REFERENCE;

	/** Every object's size is a multiple of this. */
	public static final int ALIGNMENT;

	/** Bytes of an object's header, where the first field may start. */
	public static final int OBJECT_HEADER;

	private static final int BYTE_ARRAY_BASE;

	private static final int INT_ARRAY_BASE;

	private static final int LONG_ARRAY_BASE;

	private static final int REFERENCE_ARRAY_BASE;

	static {
		long maxHeap = Runtime.getRuntime().maxMemory();
		boolean compressedOops = flag("UseCompressedOops", maxHeap < 32L << 30);
		boolean compactHeaders = flag("UseCompactObjectHeaders", false);
		boolean compressedClassPointers = compactHeaders || flag("UseCompressedClassPointers", true);
		ALIGNMENT = (int) number("ObjectAlignmentInBytes", 8);
		REFERENCE = compressedOops ? 4 : 8;
		OBJECT_HEADER = compactHeaders ? 8 : compressedClassPointers ? 12 : 16;
		// The length follows the header. Before JDK 22 the elements started at the next
		// 8-byte boundary; since JDK-8139457 only at the element size's.
		int lengthEnd = OBJECT_HEADER + 4;
		boolean elementAligned = Runtime.version().feature() >= 22;
		BYTE_ARRAY_BASE = elementAligned ? lengthEnd : align(lengthEnd, 8);
		INT_ARRAY_BASE = elementAligned ? align(lengthEnd, 4) : align(lengthEnd, 8);
		LONG_ARRAY_BASE = align(lengthEnd, 8);
		REFERENCE_ARRAY_BASE = elementAligned ? align(lengthEnd, REFERENCE) : align(lengthEnd, 8);
	}

	private JvmLayout() {
	}

	/** A {@code byte[]} of {@code length}: the size of a stored string or key. */
	public static long byteArray(int length) {
		return align(BYTE_ARRAY_BASE + (long) length);
	}

	/** An array of {@code length} references. */
	public static long referenceArray(int length) {
		return align(REFERENCE_ARRAY_BASE + (long) length * REFERENCE);
	}

	public static long intArray(int length) {
		return align(INT_ARRAY_BASE + 4L * length);
	}

	public static long doubleArray(int length) {
		return align(LONG_ARRAY_BASE + 8L * length);
	}

	/**
	 * The size of one instance of {@code type} (its own fields and its superclasses',
	 * header and padding included; not what its fields point to).
	 */
	public static long instance(Class<?> type) {
		List<Class<?>> hierarchy = new ArrayList<>();
		for (Class<?> c = type; c != null; c = c.getSuperclass()) {
			hierarchy.add(0, c);
		}
		FieldPlacer placer = new FieldPlacer(OBJECT_HEADER);
		for (Class<?> c : hierarchy) {
			List<Integer> primitives = new ArrayList<>();
			int references = 0;
			for (Field f : c.getDeclaredFields()) {
				if (Modifier.isStatic(f.getModifiers())) {
					continue;
				}
				if (f.getType().isPrimitive()) {
					primitives.add(primitiveSize(f.getType()));
				}
				else {
					references++;
				}
			}
			primitives.sort((a, b) -> b - a);
			primitives.forEach(placer::place);
			for (int i = 0; i < references; i++) {
				placer.place(REFERENCE);
			}
		}
		return align(placer.end);
	}

	static long align(long bytes) {
		return (bytes + ALIGNMENT - 1) & -(long) ALIGNMENT;
	}

	private static int align(int bytes, int to) {
		return (bytes + to - 1) & -to;
	}

	private static int primitiveSize(Class<?> type) {
		if (type == long.class || type == double.class) {
			return 8;
		}
		if (type == int.class || type == float.class) {
			return 4;
		}
		if (type == short.class || type == char.class) {
			return 2;
		}
		return 1;
	}

	/** First-fit placement of fields into the gaps left so far, as HotSpot does. */
	private static final class FieldPlacer {

		/** Free ranges before {@link #end}, as [start, end) pairs. */
		private final List<int[]> gaps = new ArrayList<>();

		private int end;

		FieldPlacer(int start) {
			this.end = start;
		}

		void place(int size) {
			for (int i = 0; i < gaps.size(); i++) {
				int[] gap = gaps.get(i);
				int at = align(gap[0], size);
				if (at + size <= gap[1]) {
					gaps.remove(i);
					if (at > gap[0]) {
						gaps.add(i++, new int[] { gap[0], at });
					}
					if (at + size < gap[1]) {
						gaps.add(i, new int[] { at + size, gap[1] });
					}
					return;
				}
			}
			int at = align(end, size);
			if (at > end) {
				gaps.add(new int[] { end, at });
			}
			end = at + size;
		}

	}

	private static boolean flag(String name, boolean otherwise) {
		String value = vmOption(name);
		return value == null ? otherwise : Boolean.parseBoolean(value);
	}

	private static long number(String name, long otherwise) {
		String value = vmOption(name);
		try {
			return value == null ? otherwise : Long.parseLong(value);
		}
		catch (NumberFormatException e) {
			return otherwise;
		}
	}

	/** A HotSpot flag's value, or null on another JVM or a JDK that lacks the flag. */
	private static @Nullable String vmOption(String name) {
		try {
			HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
			return bean == null ? null : bean.getVMOption(name).getValue();
		}
		catch (RuntimeException | LinkageError e) {
			return null;
		}
	}

}
