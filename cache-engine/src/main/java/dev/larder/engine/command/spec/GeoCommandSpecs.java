package dev.larder.engine.command.spec;

import static dev.larder.engine.command.spec.Arg.block;
import static dev.larder.engine.command.spec.Arg.doubleArg;
import static dev.larder.engine.command.spec.Arg.integer;
import static dev.larder.engine.command.spec.Arg.key;
import static dev.larder.engine.command.spec.Arg.oneOf;
import static dev.larder.engine.command.spec.Arg.pureToken;
import static dev.larder.engine.command.spec.Arg.string;
import static dev.larder.engine.command.spec.CommandFlag.DENYOOM;
import static dev.larder.engine.command.spec.CommandFlag.READONLY;
import static dev.larder.engine.command.spec.CommandFlag.WRITE;
import static dev.larder.engine.command.spec.KeySpecFlag.ACCESS;
import static dev.larder.engine.command.spec.KeySpecFlag.OW;
import static dev.larder.engine.command.spec.KeySpecFlag.RO;
import static dev.larder.engine.command.spec.KeySpecFlag.RW;
import static dev.larder.engine.command.spec.KeySpecFlag.UPDATE;

/**
 * The geo commands the engine implements, as Redis 7.0.15 declares them (COMMAND INFO,
 * COMMAND DOCS). Written by {@link CommandSpecGenerator} from a live redis-server:
 * regenerate rather than edit.
 */
public final class GeoCommandSpecs {

	/**
	 * {@code GEOADD key [NX | XX] [CH] longitude latitude member [longitude latitude member ...]}
	 */
	public static final CommandSpec GEOADD = CommandSpec.command("geoadd")
		.arity(-5)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.GEO)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, UPDATE))
		.group(CommandGroup.GEO)
		.since("3.2.0")
		.summary("Add one or more geospatial items in the geospatial index represented using a sorted set")
		.complexity("O(log(N)) for each item added, where N is the number of elements in the sorted set.")
		.history("6.2.0", "Added the `CH`, `NX` and `XX` options.")
		.arguments(key("key", 0),
				oneOf("condition", pureToken("nx", "NX"), pureToken("xx", "XX")).since("6.2.0").optional(),
				pureToken("change", "CH").since("6.2.0").optional(),
				block("longitude_latitude_member", doubleArg("longitude"), doubleArg("latitude"), string("member"))
					.multiple())
		.build();

	/** {@code GEODIST key member1 member2 [M | KM | FT | MI]} */
	public static final CommandSpec GEODIST = CommandSpec.command("geodist")
		.arity(-4)
		.flags(READONLY)
		.acl(AclCategory.GEO)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.GEO)
		.since("3.2.0")
		.summary("Returns the distance between two members of a geospatial index")
		.complexity("O(log(N))")
		.arguments(key("key", 0), string("member1"), string("member2"),
				oneOf("unit", pureToken("m", "M"), pureToken("km", "KM"), pureToken("ft", "FT"), pureToken("mi", "MI"))
					.optional())
		.build();

	/** {@code GEOHASH key member [member ...]} */
	public static final CommandSpec GEOHASH = CommandSpec.command("geohash")
		.arity(-2)
		.flags(READONLY)
		.acl(AclCategory.GEO)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.GEO)
		.since("3.2.0")
		.summary("Returns members of a geospatial index as standard geohash strings")
		.complexity("O(log(N)) for each member requested, where N is the number of elements in the sorted set.")
		.arguments(key("key", 0), string("member").multiple())
		.build();

	/** {@code GEOPOS key member [member ...]} */
	public static final CommandSpec GEOPOS = CommandSpec.command("geopos")
		.arity(-2)
		.flags(READONLY)
		.acl(AclCategory.GEO)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.GEO)
		.since("3.2.0")
		.summary("Returns longitude and latitude of members of a geospatial index")
		.complexity("O(N) where N is the number of members requested.")
		.arguments(key("key", 0), string("member").multiple())
		.build();

	/**
	 * {@code GEORADIUS key longitude latitude radius <M | KM | FT | MI> [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC | DESC] [STORE key] [STOREDIST key]}
	 */
	public static final CommandSpec GEORADIUS = CommandSpec.command("georadius")
		.arity(-6)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.GEO)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS), KeySpec.keyword("STORE", 6).range(0).flags(OW, UPDATE),
				KeySpec.keyword("STOREDIST", 6).range(0).flags(OW, UPDATE))
		.getKeysProc(GetKeysProc.GEORADIUS)
		.group(CommandGroup.GEO)
		.since("3.2.0")
		.summary("Query a sorted set representing a geospatial index to "
				+ "fetch members matching a given maximum distance from a point")
		.complexity("O(N+log(M)) where N is the number of elements inside the bounding box of the "
				+ "circular area delimited by center and radius and M is the number of items inside the index.")
		.docFlags(DocFlag.DEPRECATED)
		.deprecatedSince("6.2.0")
		.replacedBy("`GEOSEARCH` and `GEOSEARCHSTORE` with the `BYRADIUS` argument")
		.history("6.2.0", "Added the `ANY` option for `COUNT`.")
		.history("7.0.0", "Added support for uppercase unit names.")
		.arguments(key("key", 0), doubleArg("longitude"), doubleArg("latitude"), doubleArg("radius"),
				oneOf("unit", pureToken("m", "M"), pureToken("km", "KM"), pureToken("ft", "FT"), pureToken("mi", "MI")),
				pureToken("withcoord", "WITHCOORD").optional(), pureToken("withdist", "WITHDIST").optional(),
				pureToken("withhash", "WITHHASH").optional(),
				block("count", integer("count").token("COUNT"), pureToken("any", "ANY").since("6.2.0").optional())
					.optional(),
				oneOf("order", pureToken("asc", "ASC"), pureToken("desc", "DESC")).optional(),
				key("key", 1).token("STORE").optional(), key("key", 2).token("STOREDIST").optional())
		.build();

	/**
	 * {@code GEORADIUS_RO key longitude latitude radius <M | KM | FT | MI> [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC | DESC]}
	 */
	public static final CommandSpec GEORADIUS_RO = CommandSpec.command("georadius_ro")
		.arity(-6)
		.flags(READONLY)
		.acl(AclCategory.GEO)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.GEO)
		.since("3.2.10")
		.summary("A read-only variant for GEORADIUS")
		.complexity("O(N+log(M)) where N is the number of elements inside the bounding box of the "
				+ "circular area delimited by center and radius and M is the number of items inside the index.")
		.docFlags(DocFlag.DEPRECATED)
		.deprecatedSince("6.2.0")
		.replacedBy("`GEOSEARCH` with the `BYRADIUS` argument")
		.history("6.2.0", "Added the `ANY` option for `COUNT`.")
		.arguments(key("key", 0), doubleArg("longitude"), doubleArg("latitude"), doubleArg("radius"),
				oneOf("unit", pureToken("m", "M"), pureToken("km", "KM"), pureToken("ft", "FT"), pureToken("mi", "MI")),
				pureToken("withcoord", "WITHCOORD").optional(), pureToken("withdist", "WITHDIST").optional(),
				pureToken("withhash", "WITHHASH").optional(),
				block("count", integer("count").token("COUNT"), pureToken("any", "ANY").since("6.2.0").optional())
					.optional(),
				oneOf("order", pureToken("asc", "ASC"), pureToken("desc", "DESC")).optional())
		.build();

	/**
	 * {@code GEORADIUSBYMEMBER key member radius <M | KM | FT | MI> [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC | DESC] [STORE key] [STOREDIST key]}
	 */
	public static final CommandSpec GEORADIUSBYMEMBER = CommandSpec.command("georadiusbymember")
		.arity(-5)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.GEO)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS), KeySpec.keyword("STORE", 5).range(0).flags(OW, UPDATE),
				KeySpec.keyword("STOREDIST", 5).range(0).flags(OW, UPDATE))
		.getKeysProc(GetKeysProc.GEORADIUS)
		.group(CommandGroup.GEO)
		.since("3.2.0")
		.summary("Query a sorted set representing a geospatial index to "
				+ "fetch members matching a given maximum distance from a member")
		.complexity("O(N+log(M)) where N is the number of elements inside the bounding box of the "
				+ "circular area delimited by center and radius and M is the number of items inside the index.")
		.docFlags(DocFlag.DEPRECATED)
		.deprecatedSince("6.2.0")
		.replacedBy("`GEOSEARCH` and `GEOSEARCHSTORE` with the `BYRADIUS` and `FROMMEMBER` arguments")
		.history("7.0.0", "Added support for uppercase unit names.")
		.arguments(key("key", 0), string("member"), doubleArg("radius"),
				oneOf("unit", pureToken("m", "M"), pureToken("km", "KM"), pureToken("ft", "FT"), pureToken("mi", "MI")),
				pureToken("withcoord", "WITHCOORD").optional(), pureToken("withdist", "WITHDIST").optional(),
				pureToken("withhash", "WITHHASH").optional(),
				block("count", integer("count").token("COUNT"), pureToken("any", "ANY").optional()).optional(),
				oneOf("order", pureToken("asc", "ASC"), pureToken("desc", "DESC")).optional(),
				key("key", 1).token("STORE").optional(), key("key", 2).token("STOREDIST").optional())
		.build();

	/**
	 * {@code GEORADIUSBYMEMBER_RO key member radius <M | KM | FT | MI> [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC | DESC]}
	 */
	public static final CommandSpec GEORADIUSBYMEMBER_RO = CommandSpec.command("georadiusbymember_ro")
		.arity(-5)
		.flags(READONLY)
		.acl(AclCategory.GEO)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.GEO)
		.since("3.2.10")
		.summary("A read-only variant for GEORADIUSBYMEMBER")
		.complexity("O(N+log(M)) where N is the number of elements inside the bounding box of the "
				+ "circular area delimited by center and radius and M is the number of items inside the index.")
		.docFlags(DocFlag.DEPRECATED)
		.deprecatedSince("6.2.0")
		.replacedBy("`GEOSEARCH` with the `BYRADIUS` and `FROMMEMBER` arguments")
		.arguments(key("key", 0), string("member"), doubleArg("radius"),
				oneOf("unit", pureToken("m", "M"), pureToken("km", "KM"), pureToken("ft", "FT"), pureToken("mi", "MI")),
				pureToken("withcoord", "WITHCOORD").optional(), pureToken("withdist", "WITHDIST").optional(),
				pureToken("withhash", "WITHHASH").optional(),
				block("count", integer("count").token("COUNT"), pureToken("any", "ANY").optional()).optional(),
				oneOf("order", pureToken("asc", "ASC"), pureToken("desc", "DESC")).optional())
		.build();

	/**
	 * {@code GEOSEARCH key <FROMMEMBER member | FROMLONLAT longitude latitude> <BYRADIUS radius <M | KM | FT | MI> | BYBOX width height <M | KM | FT | MI>> [ASC | DESC] [COUNT count [ANY]] [WITHCOORD] [WITHDIST] [WITHHASH]}
	 */
	public static final CommandSpec GEOSEARCH = CommandSpec.command("geosearch")
		.arity(-7)
		.flags(READONLY)
		.acl(AclCategory.GEO)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.GEO)
		.since("6.2.0")
		.summary("Query a sorted set representing a geospatial index "
				+ "to fetch members inside an area of a box or a circle.")
		.complexity("O(N+log(M)) where N is the number of elements in the grid-aligned bounding box area "
				+ "around the shape provided as the filter and M is the number of items inside the shape")
		.history("7.0.0", "Added support for uppercase unit names.")
		.arguments(key("key", 0),
				oneOf("from", string("member").token("FROMMEMBER"),
						block("longitude_latitude", doubleArg("longitude"), doubleArg("latitude")).token("FROMLONLAT")),
				oneOf("by",
						block("circle", doubleArg("radius").token("BYRADIUS"),
								oneOf("unit", pureToken("m", "M"), pureToken("km", "KM"), pureToken("ft", "FT"),
										pureToken("mi", "MI"))),
						block("box", doubleArg("width").token("BYBOX"), doubleArg("height"),
								oneOf("unit", pureToken("m", "M"), pureToken("km", "KM"), pureToken("ft", "FT"),
										pureToken("mi", "MI")))),
				oneOf("order", pureToken("asc", "ASC"), pureToken("desc", "DESC")).optional(),
				block("count", integer("count").token("COUNT"), pureToken("any", "ANY").optional()).optional(),
				pureToken("withcoord", "WITHCOORD").optional(), pureToken("withdist", "WITHDIST").optional(),
				pureToken("withhash", "WITHHASH").optional())
		.build();

	/**
	 * {@code GEOSEARCHSTORE destination source <FROMMEMBER member | FROMLONLAT longitude latitude> <BYRADIUS radius <M | KM | FT | MI> | BYBOX width height <M | KM | FT | MI>> [ASC | DESC] [COUNT count [ANY]] [STOREDIST]}
	 */
	public static final CommandSpec GEOSEARCHSTORE = CommandSpec.command("geosearchstore")
		.arity(-8)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.GEO)
		.keySpecs(KeySpec.index(1).range(0).flags(OW, UPDATE), KeySpec.index(2).range(0).flags(RO, ACCESS))
		.group(CommandGroup.GEO)
		.since("6.2.0")
		.summary("Query a sorted set representing a geospatial index to fetch members "
				+ "inside an area of a box or a circle, and store the result in another key.")
		.complexity("O(N+log(M)) where N is the number of elements in the grid-aligned bounding box area "
				+ "around the shape provided as the filter and M is the number of items inside the shape")
		.history("7.0.0", "Added support for uppercase unit names.")
		.arguments(key("destination", 0), key("source", 1),
				oneOf("from", string("member").token("FROMMEMBER"),
						block("longitude_latitude", doubleArg("longitude"), doubleArg("latitude")).token("FROMLONLAT")),
				oneOf("by",
						block("circle", doubleArg("radius").token("BYRADIUS"),
								oneOf("unit", pureToken("m", "M"), pureToken("km", "KM"), pureToken("ft", "FT"),
										pureToken("mi", "MI"))),
						block("box", doubleArg("width").token("BYBOX"), doubleArg("height"),
								oneOf("unit", pureToken("m", "M"), pureToken("km", "KM"), pureToken("ft", "FT"),
										pureToken("mi", "MI")))),
				oneOf("order", pureToken("asc", "ASC"), pureToken("desc", "DESC")).optional(),
				block("count", integer("count").token("COUNT"), pureToken("any", "ANY").optional()).optional(),
				pureToken("storedist", "STOREDIST").optional())
		.build();

	private GeoCommandSpecs() {
	}

}
