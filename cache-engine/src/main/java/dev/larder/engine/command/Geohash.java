package dev.larder.engine.command;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A port of Redis 7.0's {@code src/geohash.c} and {@code src/geohash_helper.c}
 * (BSD-licensed; Copyright (c) 2013-2014 yinqiwen, (c) 2014 Matt Stancliff, (c) 2015-2016
 * Salvatore Sanfilippo): interleaved 52-bit geohashes over the Web Mercator latitude
 * range, their neighbours, the 9 cells that cover a search shape, and the haversine
 * distance. A GEO set stores each point's hash as its sorted-set score, so every bit and
 * every floating-point step here follows the C code to give the same scores, cells and
 * distances as redis-server. A hash is a {@code long} of {@code 2 * step} bits; a cell
 * with step 0 is the C code's zeroed (skipped) neighbour.
 */
final class Geohash {

	static final int STEP_MAX = 26;

	static final double LAT_MIN = -85.05112878;

	static final double LAT_MAX = 85.05112878;

	static final double LONG_MIN = -180;

	static final double LONG_MAX = 180;

	private static final double D_R = Math.PI / 180.0;

	static final double EARTH_RADIUS_IN_METERS = 6372797.560856;

	private static final double MERCATOR_MAX = 20037726.37;

	private static final double TWO_63 = 0x1p63;

	private Geohash() {
	}

	/** A geohash cell: {@code bits} holds {@code 2 * step} interleaved bits. */
	record Bits(long bits, int step) {

		static final Bits ZERO = new Bits(0, 0);

		boolean isZero() {
			return bits == 0 && step == 0;
		}
	}

	/** The bounds of a cell. */
	record Area(double longMin, double longMax, double latMin, double latMax) {
	}

	/**
	 * The cell the search centre falls in, then north, south, east, west, north-east,
	 * north-west, south-east and south-west, in membersOfAllNeighbors' order; useless
	 * ones are {@link Bits#ZERO}.
	 */
	record Radius(Bits[] cells) {
	}

	/**
	 * A search shape: the centre, the unit's metres ({@code conversion}), and either a
	 * radius or a box's width and height, all in that unit.
	 */
	record Shape(double longitude, double latitude, double conversion, boolean box, double radius, double width,
			double height) {

		static Shape circle(double longitude, double latitude, double radius, double conversion) {
			return new Shape(longitude, latitude, conversion, false, radius, 0, 0);
		}

		static Shape box(double longitude, double latitude, double width, double height, double conversion) {
			return new Shape(longitude, latitude, conversion, true, 0, width, height);
		}
	}

	private static long interleave64(long xlo, long ylo) {
		long x = xlo & 0xFFFFFFFFL;
		long y = ylo & 0xFFFFFFFFL;
		x = (x | (x << 16)) & 0x0000FFFF0000FFFFL;
		y = (y | (y << 16)) & 0x0000FFFF0000FFFFL;
		x = (x | (x << 8)) & 0x00FF00FF00FF00FFL;
		y = (y | (y << 8)) & 0x00FF00FF00FF00FFL;
		x = (x | (x << 4)) & 0x0F0F0F0F0F0F0F0FL;
		y = (y | (y << 4)) & 0x0F0F0F0F0F0F0F0FL;
		x = (x | (x << 2)) & 0x3333333333333333L;
		y = (y | (y << 2)) & 0x3333333333333333L;
		x = (x | (x << 1)) & 0x5555555555555555L;
		y = (y | (y << 1)) & 0x5555555555555555L;
		return x | (y << 1);
	}

	private static long deinterleave64(long interleaved) {
		long x = interleaved;
		long y = interleaved >>> 1;
		x = (x | (x >>> 0)) & 0x5555555555555555L;
		y = (y | (y >>> 0)) & 0x5555555555555555L;
		x = (x | (x >>> 1)) & 0x3333333333333333L;
		y = (y | (y >>> 1)) & 0x3333333333333333L;
		x = (x | (x >>> 2)) & 0x0F0F0F0F0F0F0F0FL;
		y = (y | (y >>> 2)) & 0x0F0F0F0F0F0F0F0FL;
		x = (x | (x >>> 4)) & 0x00FF00FF00FF00FFL;
		y = (y | (y >>> 4)) & 0x00FF00FF00FF00FFL;
		x = (x | (x >>> 8)) & 0x0000FFFF0000FFFFL;
		y = (y | (y >>> 8)) & 0x0000FFFF0000FFFFL;
		x = (x | (x >>> 16)) & 0x00000000FFFFFFFFL;
		y = (y | (y >>> 16)) & 0x00000000FFFFFFFFL;
		return x | (y << 32);
	}

	/** C's conversion of a non-negative double below 2^32 to uint32_t. */
	private static long toUint32(double d) {
		return ((long) d) & 0xFFFFFFFFL;
	}

	/**
	 * C's {@code (uint64_t)} of a double as gcc compiles it on x86-64: values at or above
	 * 2^63 go through a subtraction, anything out of range ends as the "integer
	 * indefinite" pattern.
	 */
	static long toUint64(double d) {
		if (d >= TWO_63) {
			double rest = d - TWO_63;
			return (rest >= TWO_63 ? Long.MIN_VALUE : (long) rest) ^ Long.MIN_VALUE;
		}
		if (Double.isNaN(d) || d < -TWO_63) {
			return Long.MIN_VALUE;
		}
		return (long) d;
	}

	/** geohashEncode; null where the C code returns 0. */
	static @Nullable Bits encode(double longMin, double longMax, double latMin, double latMax, double longitude,
			double latitude, int step) {
		if (step > 32 || step == 0 || latMin == 0 && latMax == 0 || longMin == 0 && longMax == 0) {
			return null;
		}
		if (longitude > LONG_MAX || longitude < LONG_MIN || latitude > LAT_MAX || latitude < LAT_MIN) {
			return null;
		}
		if (latitude < latMin || latitude > latMax || longitude < longMin || longitude > longMax) {
			return null;
		}
		double latOffset = (latitude - latMin) / (latMax - latMin);
		double longOffset = (longitude - longMin) / (longMax - longMin);
		latOffset *= (double) (1L << step);
		longOffset *= (double) (1L << step);
		return new Bits(interleave64(toUint32(latOffset), toUint32(longOffset)), step);
	}

	/** geohashEncodeWGS84 of a point already checked to be in range. */
	static Bits encodeWgs84(double longitude, double latitude, int step) {
		return Objects.requireNonNull(encode(LONG_MIN, LONG_MAX, LAT_MIN, LAT_MAX, longitude, latitude, step),
				"the point is in range");
	}

	/**
	 * geohashDecode over the given ranges, of a hash that is not zero (the C code fails
	 * on a zero one, which no caller passes).
	 */
	static Area decode(double longMin, double longMax, double latMin, double latMax, Bits hash) {
		int step = hash.step();
		long hashSep = deinterleave64(hash.bits());
		double latScale = latMax - latMin;
		double longScale = longMax - longMin;
		long ilato = hashSep & 0xFFFFFFFFL;
		long ilono = hashSep >>> 32;
		double cells = (double) (1L << step);
		// (ilato + 1) is computed in 32 bits in C, so 0xFFFFFFFF + 1 wraps to 0
		long ilatoNext = (ilato + 1) & 0xFFFFFFFFL;
		long ilonoNext = (ilono + 1) & 0xFFFFFFFFL;
		return new Area(longMin + (ilono * 1.0 / cells) * longScale, longMin + (ilonoNext * 1.0 / cells) * longScale,
				latMin + (ilato * 1.0 / cells) * latScale, latMin + (ilatoNext * 1.0 / cells) * latScale);
	}

	static Area decodeWgs84(Bits hash) {
		return decode(LONG_MIN, LONG_MAX, LAT_MIN, LAT_MAX, hash);
	}

	/**
	 * geo.c's decodeGeohash: the centre of a sorted-set score's step-26 cell, clamped to
	 * the valid ranges, as {longitude, latitude}.
	 */
	static double[] decodeScore(double score) {
		Area area = decodeWgs84(new Bits(toUint64(score), STEP_MAX));
		double x = (area.longMin() + area.longMax()) / 2;
		if (x > LONG_MAX) {
			x = LONG_MAX;
		}
		if (x < LONG_MIN) {
			x = LONG_MIN;
		}
		double y = (area.latMin() + area.latMax()) / 2;
		if (y > LAT_MAX) {
			y = LAT_MAX;
		}
		if (y < LAT_MIN) {
			y = LAT_MIN;
		}
		return new double[] { x, y };
	}

	/** geohashAlign52Bits: the hash as the score of its first step-26 cell. */
	static long align52Bits(Bits hash) {
		return hash.bits() << (52 - hash.step() * 2);
	}

	private static Bits moveX(Bits hash, int d) {
		if (d == 0) {
			return hash;
		}
		long x = hash.bits() & 0xaaaaaaaaaaaaaaaaL;
		long y = hash.bits() & 0x5555555555555555L;
		long zz = 0x5555555555555555L >>> (64 - hash.step() * 2);
		if (d > 0) {
			x = x + (zz + 1);
		}
		else {
			x = x | zz;
			x = x - (zz + 1);
		}
		x &= (0xaaaaaaaaaaaaaaaaL >>> (64 - hash.step() * 2));
		return new Bits(x | y, hash.step());
	}

	private static Bits moveY(Bits hash, int d) {
		if (d == 0) {
			return hash;
		}
		long x = hash.bits() & 0xaaaaaaaaaaaaaaaaL;
		long y = hash.bits() & 0x5555555555555555L;
		long zz = 0xaaaaaaaaaaaaaaaaL >>> (64 - hash.step() * 2);
		if (d > 0) {
			y = y + (zz + 1);
		}
		else {
			y = y | zz;
			y = y - (zz + 1);
		}
		y &= (0x5555555555555555L >>> (64 - hash.step() * 2));
		return new Bits(x | y, hash.step());
	}

	private static Bits move(Bits hash, int dx, int dy) {
		return moveY(moveX(hash, dx), dy);
	}

	/** geohashEstimateStepsByRadius. */
	static int estimateStepsByRadius(double rangeMeters, double lat) {
		if (rangeMeters == 0) {
			return 26;
		}
		int step = 1;
		while (rangeMeters < MERCATOR_MAX) {
			rangeMeters *= 2;
			step++;
		}
		step -= 2;
		if (lat > 66 || lat < -66) {
			step--;
			if (lat > 80 || lat < -80) {
				step--;
			}
		}
		if (step < 1) {
			step = 1;
		}
		if (step > 26) {
			step = 26;
		}
		return step;
	}

	private static double degRad(double ang) {
		return ang * D_R;
	}

	private static double radDeg(double ang) {
		return ang / D_R;
	}

	/** geohashBoundingBox: {min longitude, min latitude, max longitude, max latitude}. */
	static double[] boundingBox(Shape shape) {
		double longitude = shape.longitude();
		double latitude = shape.latitude();
		double height = shape.conversion() * (!shape.box() ? shape.radius() : shape.height() / 2);
		double width = shape.conversion() * (!shape.box() ? shape.radius() : shape.width() / 2);
		double latDelta = radDeg(height / EARTH_RADIUS_IN_METERS);
		double longDeltaTop = radDeg(width / EARTH_RADIUS_IN_METERS / Math.cos(degRad(latitude + latDelta)));
		double longDeltaBottom = radDeg(width / EARTH_RADIUS_IN_METERS / Math.cos(degRad(latitude - latDelta)));
		boolean southern = latitude < 0;
		return new double[] { southern ? longitude - longDeltaBottom : longitude - longDeltaTop, latitude - latDelta,
				southern ? longitude + longDeltaBottom : longitude + longDeltaTop, latitude + latDelta };
	}

	/** geohashCalculateAreasByShapeWGS84: the centre cell and its useful neighbours. */
	static Radius areasByShape(Shape shape) {
		double[] bounds = boundingBox(shape);
		double minLon = bounds[0];
		double minLat = bounds[1];
		double maxLon = bounds[2];
		double maxLat = bounds[3];
		double longitude = shape.longitude();
		double latitude = shape.latitude();
		double radiusMeters = !shape.box() ? shape.radius()
				: Math.sqrt((shape.width() / 2) * (shape.width() / 2) + (shape.height() / 2) * (shape.height() / 2));
		radiusMeters *= shape.conversion();

		int steps = estimateStepsByRadius(radiusMeters, latitude);
		Bits hash = encodeWgs84(longitude, latitude, steps);
		Bits[] n = neighbors(hash);
		Area area = decodeWgs84(hash);

		boolean decreaseStep = false;
		if (decodeWgs84(n[1]).latMax() < maxLat) {
			decreaseStep = true;
		}
		if (decodeWgs84(n[2]).latMin() > minLat) {
			decreaseStep = true;
		}
		if (decodeWgs84(n[3]).longMax() < maxLon) {
			decreaseStep = true;
		}
		if (decodeWgs84(n[4]).longMin() > minLon) {
			decreaseStep = true;
		}
		if (steps > 1 && decreaseStep) {
			steps--;
			hash = encodeWgs84(longitude, latitude, steps);
			n = neighbors(hash);
			area = decodeWgs84(hash);
		}

		if (steps >= 2) {
			if (area.latMin() < minLat) {
				n[2] = n[7] = n[8] = Bits.ZERO; // south, south-east, south-west
			}
			if (area.latMax() > maxLat) {
				n[1] = n[5] = n[6] = Bits.ZERO; // north, north-east, north-west
			}
			if (area.longMin() < minLon) {
				n[4] = n[8] = n[6] = Bits.ZERO; // west, south-west, north-west
			}
			if (area.longMax() > maxLon) {
				n[3] = n[7] = n[5] = Bits.ZERO; // east, south-east, north-east
			}
		}
		return new Radius(n);
	}

	/**
	 * The cell followed by its neighbours in membersOfAllNeighbors' order: north, south,
	 * east, west, north-east, north-west, south-east, south-west.
	 */
	private static Bits[] neighbors(Bits hash) {
		return new Bits[] { hash, move(hash, 0, 1), move(hash, 0, -1), move(hash, 1, 0), move(hash, -1, 0),
				move(hash, 1, 1), move(hash, -1, 1), move(hash, 1, -1), move(hash, -1, -1) };
	}

	/** geohashGetDistance: the haversine great-circle distance in metres. */
	static double distance(double lon1d, double lat1d, double lon2d, double lat2d) {
		double lat1r = degRad(lat1d);
		double lon1r = degRad(lon1d);
		double lat2r = degRad(lat2d);
		double lon2r = degRad(lon2d);
		double u = Math.sin((lat2r - lat1r) / 2);
		double v = Math.sin((lon2r - lon1r) / 2);
		return 2.0 * EARTH_RADIUS_IN_METERS * asin(Math.sqrt(u * u + Math.cos(lat1r) * Math.cos(lat2r) * v * v));
	}

	/**
	 * asin rounded to the nearest double. glibc's asin, which redis-server calls, is
	 * almost always correctly rounded, where Java's Math.asin and StrictMath.asin miss by
	 * an ulp in about 6% of cases, which shows in STOREDIST's 17 digits: Math.asin's
	 * result is refined with one Newton step whose residual {@code sin(y) - x} is
	 * evaluated in double-double arithmetic.
	 */
	static double asin(double x) {
		double y = Math.asin(x);
		if (!(Math.abs(x) < 1) || x == 0) {
			return y; // NaN, the exact ends and zero need no refinement
		}
		double[] s = sinDoubleDouble(y);
		// residual sin(y) - x, exact enough in double once hi and lo are combined
		double r = (s[0] - x) + s[1];
		return y - r / Math.cos(y);
	}

	/**
	 * sin of a double in [-pi/2, pi/2] as an unevaluated sum hi + lo with about 32
	 * significant digits, by its Taylor series in double-double arithmetic.
	 */
	private static double[] sinDoubleDouble(double y) {
		// y^2 as a double-double
		double x2hi = y * y;
		double x2lo = Math.fma(y, y, -x2hi);
		double termHi = y;
		double termLo = 0;
		double sumHi = y;
		double sumLo = 0;
		for (int n = 1; n < 40; n += 2) {
			// term *= -y^2 / ((n + 1) * (n + 2))
			double pHi = termHi * x2hi;
			double pLo = Math.fma(termHi, x2hi, -pHi) + (termHi * x2lo + termLo * x2hi);
			double t = pHi + pLo;
			pLo = pLo - (t - pHi);
			pHi = t;
			double d = (double) (n + 1) * (n + 2);
			double qHi = pHi / d;
			double rem = Math.fma(-qHi, d, pHi) + pLo;
			double qLo = rem / d;
			termHi = -(qHi + qLo);
			termLo = -(qLo - ((qHi + qLo) - qHi));
			// sum += term (two-sum)
			double a = sumHi + termHi;
			double bb = a - sumHi;
			double err = (sumHi - (a - bb)) + (termHi - bb);
			double lo = err + sumLo + termLo;
			sumHi = a + lo;
			sumLo = lo - (sumHi - a);
			if (Math.abs(termHi) < 1e-36 * Math.abs(sumHi)) {
				break;
			}
		}
		return new double[] { sumHi, sumLo };
	}

	/**
	 * geohashGetDistanceIfInRectangle: whether the point (x2, y2) is inside the box
	 * centred on (x1, y1); the two edge distances decide, the distance to the centre is
	 * what a match reports.
	 */
	static boolean inRectangle(double widthM, double heightM, double x1, double y1, double x2, double y2) {
		double lonDistance = distance(x2, y2, x1, y2);
		double latDistance = distance(x2, y2, x2, y1);
		return !(lonDistance > widthM / 2 || latDistance > heightM / 2);
	}

}
