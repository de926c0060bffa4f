package dev.larder.engine.command.spec;

import static dev.larder.engine.command.spec.Arg.block;
import static dev.larder.engine.command.spec.Arg.integer;
import static dev.larder.engine.command.spec.Arg.key;
import static dev.larder.engine.command.spec.Arg.oneOf;
import static dev.larder.engine.command.spec.Arg.pureToken;
import static dev.larder.engine.command.spec.Arg.string;
import static dev.larder.engine.command.spec.CommandFlag.DENYOOM;
import static dev.larder.engine.command.spec.CommandFlag.FAST;
import static dev.larder.engine.command.spec.CommandFlag.READONLY;
import static dev.larder.engine.command.spec.CommandFlag.WRITE;
import static dev.larder.engine.command.spec.KeySpecFlag.ACCESS;
import static dev.larder.engine.command.spec.KeySpecFlag.OW;
import static dev.larder.engine.command.spec.KeySpecFlag.RO;
import static dev.larder.engine.command.spec.KeySpecFlag.RW;
import static dev.larder.engine.command.spec.KeySpecFlag.UPDATE;
import static dev.larder.engine.command.spec.KeySpecFlag.VARIABLE_FLAGS;

/**
 * The bitmap commands the engine implements, as Redis 7.0.15 declares them (COMMAND INFO,
 * COMMAND DOCS). Written by {@link CommandSpecGenerator} from a live redis-server:
 * regenerate rather than edit.
 */
public final class BitmapCommandSpecs {

	/** {@code BITCOUNT key [start end [BYTE | BIT]]} */
	public static final CommandSpec BITCOUNT = CommandSpec.command("bitcount")
		.arity(-2)
		.flags(READONLY)
		.acl(AclCategory.BITMAP)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.BITMAP)
		.since("2.6.0")
		.summary("Count set bits in a string")
		.complexity("O(N)")
		.history("7.0.0", "Added the `BYTE|BIT` option.")
		.arguments(key("key", 0),
				block("index", integer("start"), integer("end"),
						oneOf("index_unit", pureToken("byte", "BYTE"), pureToken("bit", "BIT")).since("7.0.0")
							.optional())
					.optional())
		.build();

	/**
	 * {@code BITFIELD key [GET encoding offset | [OVERFLOW WRAP | SAT | FAIL] <SET encoding offset value | INCRBY encoding offset increment> [GET encoding offset | [OVERFLOW WRAP | SAT | FAIL] <SET encoding offset value | INCRBY encoding offset increment> ...]]}
	 */
	public static final CommandSpec BITFIELD = CommandSpec.command("bitfield")
		.arity(-2)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.BITMAP)
		.keySpecs(KeySpec.index(1)
			.range(0)
			.flags(RW, ACCESS, UPDATE, VARIABLE_FLAGS)
			.notes("This command allows both access and modification of the key"))
		.getKeysProc(GetKeysProc.BITFIELD)
		.group(CommandGroup.BITMAP)
		.since("3.2.0")
		.summary("Perform arbitrary bitfield integer operations on strings")
		.complexity("O(1) for each subcommand specified")
		.arguments(key("key", 0), oneOf("operation",
				block("encoding_offset", string("encoding"), integer("offset")).token("GET"),
				block("write",
						oneOf("wrap_sat_fail", pureToken("wrap", "WRAP"), pureToken("sat", "SAT"),
								pureToken("fail", "FAIL"))
							.token("OVERFLOW")
							.optional(),
						oneOf("write_operation",
								block("encoding_offset_value", string("encoding"), integer("offset"), integer("value"))
									.token("SET"),
								block("encoding_offset_increment", string("encoding"), integer("offset"),
										integer("increment"))
									.token("INCRBY"))))
			.optional()
			.multiple())
		.build();

	/** {@code BITFIELD_RO key [GET encoding offset [GET encoding offset ...]]} */
	public static final CommandSpec BITFIELD_RO = CommandSpec.command("bitfield_ro")
		.arity(-2)
		.flags(READONLY, FAST)
		.acl(AclCategory.BITMAP)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.BITMAP)
		.since("6.0.0")
		.summary("Perform arbitrary bitfield integer operations on strings. Read-only variant of BITFIELD")
		.complexity("O(1) for each subcommand specified")
		.arguments(key("key", 0),
				block("encoding_offset", string("encoding"), integer("offset")).token("GET")
					.optional()
					.multiple()
					.multipleToken())
		.build();

	/** {@code BITOP operation destkey key [key ...]} */
	public static final CommandSpec BITOP = CommandSpec.command("bitop")
		.arity(-4)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.BITMAP)
		.keySpecs(KeySpec.index(2).range(0).flags(OW, UPDATE), KeySpec.index(3).range(-1).flags(RO, ACCESS))
		.group(CommandGroup.BITMAP)
		.since("2.6.0")
		.summary("Perform bitwise operations between strings")
		.complexity("O(N)")
		.arguments(string("operation"), key("destkey", 0), key("key", 1).multiple())
		.build();

	/** {@code BITPOS key bit [start [end [BYTE | BIT]]]} */
	public static final CommandSpec BITPOS = CommandSpec.command("bitpos")
		.arity(-3)
		.flags(READONLY)
		.acl(AclCategory.BITMAP)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.BITMAP)
		.since("2.8.7")
		.summary("Find first bit set or clear in a string")
		.complexity("O(N)")
		.history("7.0.0", "Added the `BYTE|BIT` option.")
		.arguments(key("key", 0), integer("bit"),
				block("index", integer("start"),
						block("end_index", integer("end"),
								oneOf("index_unit", pureToken("byte", "BYTE"), pureToken("bit", "BIT")).since("7.0.0")
									.optional())
							.optional())
					.optional())
		.build();

	/** {@code GETBIT key offset} */
	public static final CommandSpec GETBIT = CommandSpec.command("getbit")
		.arity(3)
		.flags(READONLY, FAST)
		.acl(AclCategory.BITMAP)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.BITMAP)
		.since("2.2.0")
		.summary("Returns the bit value at offset in the string value stored at key")
		.complexity("O(1)")
		.arguments(key("key", 0), integer("offset"))
		.build();

	/** {@code SETBIT key offset value} */
	public static final CommandSpec SETBIT = CommandSpec.command("setbit")
		.arity(4)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.BITMAP)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, UPDATE))
		.group(CommandGroup.BITMAP)
		.since("2.2.0")
		.summary("Sets or clears the bit at offset in the string value stored at key")
		.complexity("O(1)")
		.arguments(key("key", 0), integer("offset"), integer("value"))
		.build();

	private BitmapCommandSpecs() {
	}

}
