package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.GeoCommandSpecs;
import dev.larder.engine.events.KeyChanges;
import dev.larder.engine.keyspace.KeyEntry;
import dev.larder.engine.keyspace.ValueType;
import dev.larder.engine.keyspace.ZSetValue;
import dev.larder.engine.keyspace.ZSetValue.Node;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The GEO family, a port of Redis 7.0's {@code src/geo.c} (BSD-licensed; Copyright (c)
 * 2014 Matt Stancliff, (c) 2015-2016 Salvatore Sanfilippo). A GEO set is a sorted set
 * whose scores are 52-bit geohashes ({@link Geohash}): GEOADD turns each point into a
 * score and runs ZADD (so it emits ZADD's events and replies), and the searches scan the
 * score ranges of the 9 cells around the centre, as georadiusGeneric does, in its order.
 */
final class GeoCommands {

	private static final int RADIUS_COORDS = 1;

	private static final int RADIUS_MEMBER = 1 << 1;

	private static final int RADIUS_NOSTORE = 1 << 2;

	private static final int GEOSEARCH = 1 << 3;

	private static final int GEOSEARCHSTORE = 1 << 4;

	private static final int SORT_NONE = 0;

	private static final int SORT_ASC = 1;

	private static final int SORT_DESC = 2;

	private static final String COULD_NOT_DECODE = "ERR could not decode requested zset member";

	private static final byte[] GEOALPHABET = "0123456789bcdefghjkmnpqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);

	/** sort_gp_asc: C's three-way result, so NaN compares as below everything. */
	private static final Comparator<Point> ASC = (a, b) -> a.dist > b.dist ? 1 : a.dist == b.dist ? 0 : -1;

	private static final Comparator<Point> DESC = (a, b) -> -ASC.compare(a, b);

	private GeoCommands() {
	}

	static void register(CommandTable t) {
		t.bind(GeoCommandSpecs.GEOADD, GeoCommands::geoadd);
		t.bind(GeoCommandSpecs.GEODIST, GeoCommands::geodist);
		t.bind(GeoCommandSpecs.GEOHASH, GeoCommands::geohash);
		t.bind(GeoCommandSpecs.GEOPOS, GeoCommands::geopos);
		t.bind(GeoCommandSpecs.GEORADIUS, c -> search(c, 1, RADIUS_COORDS));
		t.bind(GeoCommandSpecs.GEORADIUSBYMEMBER, c -> search(c, 1, RADIUS_MEMBER));
		t.bind(GeoCommandSpecs.GEORADIUS_RO, c -> search(c, 1, RADIUS_COORDS | RADIUS_NOSTORE));
		t.bind(GeoCommandSpecs.GEORADIUSBYMEMBER_RO, c -> search(c, 1, RADIUS_MEMBER | RADIUS_NOSTORE));
		t.bind(GeoCommandSpecs.GEOSEARCH, c -> search(c, 1, GEOSEARCH));
		t.bind(GeoCommandSpecs.GEOSEARCHSTORE, c -> search(c, 2, GEOSEARCH | GEOSEARCHSTORE));
	}

	/** A point found by a search (geo.c's geoPoint). */
	private static final class Point {

		final double longitude;

		final double latitude;

		double dist;

		final double score;

		final byte[] member;

		Point(double longitude, double latitude, double dist, double score, byte[] member) {
			this.longitude = longitude;
			this.latitude = latitude;
			this.dist = dist;
			this.score = score;
			this.member = member;
		}

	}

	/** GEOADD key [NX|XX] [CH] longitude latitude member [...]: rewritten into ZADD. */
	private static Reply geoadd(CommandContext c) {
		boolean xx = false;
		boolean nx = false;
		int longidx = 2;
		while (longidx < c.argc()) {
			byte[] opt = c.arg(longidx);
			if (Args.is(opt, "nx")) {
				nx = true;
			}
			else if (Args.is(opt, "xx")) {
				xx = true;
			}
			else if (!Args.is(opt, "ch")) {
				break;
			}
			longidx++;
		}
		if ((c.argc() - longidx) % 3 != 0 || xx && nx) {
			return Reply.error(Errors.SYNTAX);
		}
		int elements = (c.argc() - longidx) / 3;
		byte[][] argv = new byte[longidx + elements * 2][];
		argv[0] = "zadd".getBytes(StandardCharsets.US_ASCII);
		for (int i = 1; i < longidx; i++) {
			argv[i] = c.arg(i);
		}
		for (int i = 0; i < elements; i++) {
			double[] xy = longLat(c, longidx + i * 3);
			long bits = Geohash.align52Bits(Geohash.encodeWgs84(xy[0], xy[1], Geohash.STEP_MAX));
			argv[longidx + i * 2] = Long.toString(bits).getBytes(StandardCharsets.US_ASCII);
			argv[longidx + 1 + i * 2] = c.arg(longidx + i * 3 + 2);
		}
		return ZSetCommands.zadd(new CommandContext(c.core, c.session, argv));
	}

	/** extractLongLatOrReply: the longitude and latitude at {@code at} and after. */
	private static double[] longLat(CommandContext c, int at) {
		double x = parseDouble(c.arg(at), Errors.NOT_FLOAT);
		double y = parseDouble(c.arg(at + 1), Errors.NOT_FLOAT);
		if (x < Geohash.LONG_MIN || x > Geohash.LONG_MAX || y < Geohash.LAT_MIN || y > Geohash.LAT_MAX) {
			throw new ReplyException("ERR invalid longitude,latitude pair " + printf(x, 6) + "," + printf(y, 6));
		}
		return new double[] { x, y };
	}

	/** getDoubleFromObjectOrReply with {@code message} for a bad number. */
	private static double parseDouble(byte[] arg, String message) {
		Double d = Scores.parse(arg);
		if (d == null) {
			throw new ReplyException(message);
		}
		return d;
	}

	/**
	 * extractUnitOrReply: the metres in one {@code unit}, or the error of an unknown
	 * unit.
	 */
	private static double unit(byte[] unit) {
		if (Args.is(unit, "m")) {
			return 1;
		}
		if (Args.is(unit, "km")) {
			return 1000;
		}
		if (Args.is(unit, "ft")) {
			return 0.3048;
		}
		if (Args.is(unit, "mi")) {
			return 1609.34;
		}
		throw new ReplyException("ERR unsupported unit provided. please use M, KM, FT, MI");
	}

	/** C's {@code %.Nf}: the exact binary value rounded half-even, "-" kept on zeros. */
	static String printf(double d, int decimals) {
		if (Double.isNaN(d)) {
			// x86's default NaN (from 0/0 or asin of more than 1) has its sign bit set
			return "-nan";
		}
		if (Double.isInfinite(d)) {
			return d > 0 ? "inf" : "-inf";
		}
		String s = new BigDecimal(d).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
		if ((d < 0 || d == 0 && 1 / d < 0) && !s.startsWith("-")) {
			s = "-" + s;
		}
		return s;
	}

	/** addReplyDoubleDistance: a bulk string of the distance with 4 decimals. */
	private static Reply distanceReply(double d) {
		return Reply.bulk(printf(d, 4));
	}

	/**
	 * addReplyHumanLongDouble: {@code %.17Lf} without trailing zeros, a bulk string in
	 * RESP2 and a double in RESP3.
	 */
	private static Reply humanDouble(double d) {
		String text = new String(LongDoubles.format(new BigDecimal(d)), StandardCharsets.US_ASCII);
		return new Reply.DoubleReply(d, text);
	}

	/** C's {@code (long long)} of a double (cvttsd2si: out of range is LLONG_MIN). */
	private static long toLongLong(double d) {
		if (Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) {
			return Long.MIN_VALUE;
		}
		return (long) d;
	}

	private static @Nullable ZSetValue zset(@Nullable KeyEntry e) {
		return e == null ? null : e.asZSet();
	}

	/** GEOHASH key [member ...]: standard 11-character geohashes. */
	private static Reply geohash(CommandContext c) {
		ZSetValue z = zset(c.lookupRead(c.arg(1), ValueType.ZSET));
		List<Reply> out = new ArrayList<>(c.argc() - 2);
		for (int j = 2; j < c.argc(); j++) {
			Double score = z == null ? null : z.score(c.arg(j));
			if (score == null) {
				out.add(Reply.NULL);
				continue;
			}
			// Redis's cells span latitudes -85..85; a standard geohash spans -90..90
			double[] xy = Geohash.decodeScore(score);
			Geohash.Bits hash = Objects.requireNonNull(Geohash.encode(-180, 180, -90, 90, xy[0], xy[1], 26),
					"a decoded point is in range");
			byte[] buf = new byte[11];
			for (int i = 0; i < 11; i++) {
				// 52 bits make 10 characters; the 11th is 0 for compatibility
				int idx = i == 10 ? 0 : (int) ((hash.bits() >>> (52 - ((i + 1) * 5))) & 0x1f);
				buf[i] = GEOALPHABET[idx];
			}
			out.add(Reply.bulk(buf));
		}
		return new Reply.ArrayReply(out);
	}

	/** GEOPOS key [member ...]. */
	private static Reply geopos(CommandContext c) {
		ZSetValue z = zset(c.lookupRead(c.arg(1), ValueType.ZSET));
		List<Reply> out = new ArrayList<>(c.argc() - 2);
		for (int j = 2; j < c.argc(); j++) {
			Double score = z == null ? null : z.score(c.arg(j));
			if (score == null) {
				out.add(Reply.NULL_ARRAY);
				continue;
			}
			double[] xy = Geohash.decodeScore(score);
			out.add(Reply.array(humanDouble(xy[0]), humanDouble(xy[1])));
		}
		return new Reply.ArrayReply(out);
	}

	/** GEODIST key member1 member2 [unit]: the unit is checked before the key. */
	private static Reply geodist(CommandContext c) {
		double toMeter = 1;
		if (c.argc() == 5) {
			toMeter = unit(c.arg(4));
		}
		else if (c.argc() > 5) {
			return Reply.error(Errors.SYNTAX);
		}
		ZSetValue z = zset(c.lookupRead(c.arg(1), ValueType.ZSET));
		if (z == null) {
			return Reply.NULL;
		}
		Double score1 = z.score(c.arg(2));
		Double score2 = score1 == null ? null : z.score(c.arg(3));
		if (score1 == null || score2 == null) {
			return Reply.NULL;
		}
		double[] a = Geohash.decodeScore(score1);
		double[] b = Geohash.decodeScore(score2);
		return distanceReply(Geohash.distance(a[0], a[1], b[0], b[1]) / toMeter);
	}

	/**
	 * georadiusGeneric: GEORADIUS[_RO], GEORADIUSBYMEMBER[_RO], GEOSEARCH and
	 * GEOSEARCHSTORE, with its order of checks: the source key's type first, then the
	 * centre and radius of the GEORADIUS forms, then each option as it comes.
	 */
	private static Reply search(CommandContext c, int srcKeyIndex, int flags) {
		byte @Nullable [] storekey = null;
		boolean storedist = false;
		ZSetValue zobj = zset(c.lookupRead(c.arg(srcKeyIndex), ValueType.ZSET));

		int baseArgs;
		double[] xy = new double[2];
		boolean box = false;
		double radius = 0;
		double width = 0;
		double height = 0;
		double conversion = 0;
		if ((flags & RADIUS_COORDS) != 0) {
			baseArgs = 6;
			xy = longLat(c, 2);
			radius = radius(c.arg(baseArgs - 2));
			conversion = unit(c.arg(baseArgs - 1));
		}
		else if ((flags & RADIUS_MEMBER) != 0) {
			baseArgs = 5;
			// without a source key the options are still parsed, for the reply STORE
			// decides, but the member, radius and unit are not
			if (zobj != null) {
				xy = memberLongLat(zobj, c.arg(2));
				radius = radius(c.arg(baseArgs - 2));
				conversion = unit(c.arg(baseArgs - 1));
			}
		}
		else {
			baseArgs = 2;
			if ((flags & GEOSEARCHSTORE) != 0) {
				baseArgs = 3;
				storekey = c.arg(1);
			}
		}

		boolean withdist = false;
		boolean withhash = false;
		boolean withcoords = false;
		boolean frommember = false;
		boolean fromloc = false;
		boolean byradius = false;
		boolean bybox = false;
		int sort = SORT_NONE;
		boolean any = false;
		long count = 0;
		boolean geosearch = (flags & GEOSEARCH) != 0;
		boolean storeAllowed = (flags & RADIUS_NOSTORE) == 0 && !geosearch;
		int remaining = c.argc() - baseArgs;
		for (int i = 0; i < remaining; i++) {
			byte[] arg = c.arg(baseArgs + i);
			if (Args.is(arg, "withdist")) {
				withdist = true;
			}
			else if (Args.is(arg, "withhash")) {
				withhash = true;
			}
			else if (Args.is(arg, "withcoord")) {
				withcoords = true;
			}
			else if (Args.is(arg, "any")) {
				any = true;
			}
			else if (Args.is(arg, "asc")) {
				sort = SORT_ASC;
			}
			else if (Args.is(arg, "desc")) {
				sort = SORT_DESC;
			}
			else if (Args.is(arg, "count") && i + 1 < remaining) {
				count = Args.parseLong(c.arg(baseArgs + i + 1));
				if (count <= 0) {
					return Reply.error("ERR COUNT must be > 0");
				}
				i++;
			}
			else if (Args.is(arg, "store") && i + 1 < remaining && storeAllowed) {
				storekey = c.arg(baseArgs + i + 1);
				storedist = false;
				i++;
			}
			else if (Args.is(arg, "storedist") && i + 1 < remaining && storeAllowed) {
				storekey = c.arg(baseArgs + i + 1);
				storedist = true;
				i++;
			}
			else if (Args.is(arg, "storedist") && geosearch && (flags & GEOSEARCHSTORE) != 0) {
				storedist = true;
			}
			else if (Args.is(arg, "frommember") && i + 1 < remaining && geosearch && !fromloc) {
				if (zobj != null) {
					xy = memberLongLat(zobj, c.arg(baseArgs + i + 1));
				}
				frommember = true;
				i++;
			}
			else if (Args.is(arg, "fromlonlat") && i + 2 < remaining && geosearch && !frommember) {
				xy = longLat(c, baseArgs + i + 1);
				fromloc = true;
				i += 2;
			}
			else if (Args.is(arg, "byradius") && i + 2 < remaining && geosearch && !bybox) {
				radius = radius(c.arg(baseArgs + i + 1));
				conversion = unit(c.arg(baseArgs + i + 2));
				box = false;
				byradius = true;
				i += 2;
			}
			else if (Args.is(arg, "bybox") && i + 3 < remaining && geosearch && !byradius) {
				width = parseDouble(c.arg(baseArgs + i + 1), "ERR need numeric width");
				height = parseDouble(c.arg(baseArgs + i + 2), "ERR need numeric height");
				if (height < 0 || width < 0) {
					return Reply.error("ERR height or width cannot be negative");
				}
				conversion = unit(c.arg(baseArgs + i + 3));
				box = true;
				bybox = true;
				i += 3;
			}
			else {
				return Reply.error(Errors.SYNTAX);
			}
		}

		if (storekey != null && (withdist || withhash || withcoords)) {
			return Reply.error("ERR " + ((flags & GEOSEARCHSTORE) != 0 ? "GEOSEARCHSTORE" : "STORE option in GEORADIUS")
					+ " is not compatible with WITHDIST, WITHHASH and WITHCOORD options");
		}
		String name = new String(c.arg(0), StandardCharsets.ISO_8859_1);
		if (geosearch && !(frommember || fromloc)) {
			return Reply.error("ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for " + name);
		}
		if (geosearch && !(byradius || bybox)) {
			return Reply.error("ERR exactly one of BYRADIUS and BYBOX can be specified for " + name);
		}
		if (any && count == 0) {
			return Reply.error("ERR the ANY argument requires COUNT argument");
		}

		if (zobj == null) {
			if (storekey != null) {
				deleteStoreKey(c, storekey);
				return Reply.integer(0);
			}
			return Reply.EMPTY_ARRAY;
		}

		if (count != 0 && sort == SORT_NONE && !any) {
			sort = SORT_ASC;
		}

		Geohash.Shape shape = box ? Geohash.Shape.box(xy[0], xy[1], width, height, conversion)
				: Geohash.Shape.circle(xy[0], xy[1], radius, conversion);
		List<Point> ga = new ArrayList<>();
		membersOfAllNeighbors(zobj, Geohash.areasByShape(shape), shape, ga, any ? count : 0);

		if (ga.isEmpty() && storekey == null) {
			return Reply.EMPTY_ARRAY;
		}
		int resultLength = ga.size();
		int returnedItems = (int) (count == 0 || resultLength < count ? resultLength : count);

		if (sort != SORT_NONE) {
			Comparator<Point> cmp = sort == SORT_ASC ? ASC : DESC;
			if (returnedItems == resultLength) {
				GeoSort.mergeSort(ga, cmp);
			}
			else {
				GeoSort.partialQuickSort(ga, cmp, 0, returnedItems - 1);
			}
		}

		if (storekey == null) {
			return searchReply(ga.subList(0, returnedItems), conversion, withdist, withhash, withcoords);
		}
		if (returnedItems == 0) {
			deleteStoreKey(c, storekey);
			return Reply.integer(0);
		}
		ZSetValue dst = ZSetValue.inSkiplistEncoding(c.core().encodingLimits());
		for (int i = 0; i < returnedItems; i++) {
			Point gp = ga.get(i);
			gp.dist /= conversion;
			dst.insert(gp.member, storedist ? gp.dist : gp.score);
		}
		c.db().overwrite(storekey, dst.convertToListpackIfSmall());
		c.modified(storekey);
		c.notify(KeyChanges.NOTIFY_ZSET, geosearch ? "geosearchstore" : "georadiusstore", storekey);
		return Reply.integer(returnedItems);
	}

	/** The reply to a search without STORE: members, or arrays of member and options. */
	private static Reply searchReply(List<Point> points, double conversion, boolean withdist, boolean withhash,
			boolean withcoords) {
		boolean options = withdist || withhash || withcoords;
		List<Reply> out = new ArrayList<>(points.size());
		for (Point gp : points) {
			gp.dist /= conversion;
			if (!options) {
				out.add(Reply.bulk(gp.member));
				continue;
			}
			List<Reply> item = new ArrayList<>(4);
			item.add(Reply.bulk(gp.member));
			if (withdist) {
				item.add(distanceReply(gp.dist));
			}
			if (withhash) {
				item.add(Reply.integer(toLongLong(gp.score)));
			}
			if (withcoords) {
				item.add(Reply.array(humanDouble(gp.longitude), humanDouble(gp.latitude)));
			}
			out.add(new Reply.ArrayReply(item));
		}
		return new Reply.ArrayReply(out);
	}

	private static void deleteStoreKey(CommandContext c, byte[] storekey) {
		if (c.db().delete(storekey)) {
			c.modified(storekey);
			c.notify(KeyChanges.NOTIFY_GENERIC, "del", storekey);
		}
	}

	/** extractDistanceOrReply's number: the radius, not negative. */
	private static double radius(byte[] arg) {
		double distance = parseDouble(arg, "ERR need numeric radius");
		if (distance < 0) {
			throw new ReplyException("ERR radius cannot be negative");
		}
		return distance;
	}

	/** longLatFromMember, with the error georadiusGeneric gives for a missing member. */
	private static double[] memberLongLat(ZSetValue z, byte[] member) {
		Double score = z.score(member);
		if (score == null) {
			throw new ReplyException(COULD_NOT_DECODE);
		}
		return Geohash.decodeScore(score);
	}

	/**
	 * membersOfAllNeighbors: each useful cell once (a cell equal to the last one scanned
	 * is skipped, which huge radii produce), stopping once {@code limit} points are found
	 * when limit is not 0.
	 */
	private static void membersOfAllNeighbors(ZSetValue z, Geohash.Radius n, Geohash.Shape shape, List<Point> ga,
			long limit) {
		Geohash.Bits[] neighbors = n.cells();
		int lastProcessed = 0;
		for (int i = 0; i < neighbors.length; i++) {
			if (neighbors[i].isZero()) {
				continue;
			}
			// as in Redis, the centre (index 0) is never compared with its first
			// neighbour
			if (lastProcessed != 0 && neighbors[i].bits() == neighbors[lastProcessed].bits()
					&& neighbors[i].step() == neighbors[lastProcessed].step()) {
				continue;
			}
			if (!ga.isEmpty() && limit != 0 && ga.size() >= limit) {
				break;
			}
			membersOfGeoHashBox(z, neighbors[i], ga, shape, limit);
			lastProcessed = i;
		}
	}

	/**
	 * membersOfGeoHashBox and geoGetPointsInRange: the members whose scores fall in the
	 * cell ({@code min <= score < max}) and inside the shape.
	 */
	private static void membersOfGeoHashBox(ZSetValue z, Geohash.Bits hash, List<Point> ga, Geohash.Shape shape,
			long limit) {
		double min = Geohash.align52Bits(hash);
		double max = Geohash.align52Bits(new Geohash.Bits(hash.bits() + 1, hash.step()));
		for (Node ln = z.firstAtLeast(min, false); ln != null; ln = ln.next()) {
			if (!(ln.score() < max)) {
				break;
			}
			appendIfWithinShape(ga, shape, ln.score(), ln.member());
			if (!ga.isEmpty() && limit != 0 && ga.size() >= limit) {
				break;
			}
		}
	}

	/** geoAppendIfWithinShape. */
	private static void appendIfWithinShape(List<Point> ga, Geohash.Shape shape, double score, byte[] member) {
		double[] xy = Geohash.decodeScore(score);
		double distance;
		if (!shape.box()) {
			distance = Geohash.distance(shape.longitude(), shape.latitude(), xy[0], xy[1]);
			if (distance > shape.radius() * shape.conversion()) {
				return;
			}
		}
		else {
			if (!Geohash.inRectangle(shape.width() * shape.conversion(), shape.height() * shape.conversion(),
					shape.longitude(), shape.latitude(), xy[0], xy[1])) {
				return;
			}
			distance = Geohash.distance(shape.longitude(), shape.latitude(), xy[0], xy[1]);
		}
		ga.add(new Point(xy[0], xy[1], distance, score, member));
	}

}
