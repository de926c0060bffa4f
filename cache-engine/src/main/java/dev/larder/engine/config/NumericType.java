package dev.larder.engine.config;

/**
 * The C type a numeric parameter has in Redis's server struct. Only its signedness
 * matters here: numericBoundaryCheck compares unsigned int, unsigned long long and size_t
 * values as unsigned, so a negative number there reads as a huge one and fails the upper
 * bound.
 */
public enum NumericType {

	INT(false), UINT(true), LONG(false), ULONG(false), LONG_LONG(false), ULONG_LONG(true), SIZE_T(true), SSIZE_T(false),
	OFF_T(false), TIME_T(false);

	private final boolean unsignedBounds;

	NumericType(boolean unsignedBounds) {
		this.unsignedBounds = unsignedBounds;
	}

	/**
	 * Whether bounds are checked unsigned (ULONG is not, as in Redis's boundary check).
	 */
	public boolean unsignedBounds() {
		return unsignedBounds;
	}

}
