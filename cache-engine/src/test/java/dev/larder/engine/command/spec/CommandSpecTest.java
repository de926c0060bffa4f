package dev.larder.engine.command.spec;

import static dev.larder.engine.command.spec.Arg.key;
import static dev.larder.engine.command.spec.CommandFlag.BLOCKING;
import static dev.larder.engine.command.spec.CommandFlag.MOVABLEKEYS;
import static dev.larder.engine.command.spec.CommandFlag.READONLY;
import static dev.larder.engine.command.spec.CommandFlag.WRITE;
import static dev.larder.engine.command.spec.KeySpecFlag.ACCESS;
import static dev.larder.engine.command.spec.KeySpecFlag.DELETE;
import static dev.larder.engine.command.spec.KeySpecFlag.INCOMPLETE;
import static dev.larder.engine.command.spec.KeySpecFlag.OW;
import static dev.larder.engine.command.spec.KeySpecFlag.RO;
import static dev.larder.engine.command.spec.KeySpecFlag.RW;
import static dev.larder.engine.command.spec.KeySpecFlag.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.larder.testing.RespClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link CommandSpec} derives and finds, on key specs shaped like Redis's own
 * (including kinds no implemented command uses yet: keyword searches, limits, incomplete
 * specs), against the results of Redis 7.0's populateCommandLegacyRangeSpec and
 * getKeysUsingKeySpecs.
 */
class CommandSpecTest {

	private static CommandSpec.Builder command(String name) {
		return CommandSpec.command(name).arity(-2).group(CommandGroup.GENERIC).since("7.0.0").summary(name);
	}

	private static byte[][] line(String... args) {
		return RespClient.toBytes(args);
	}

	@Test
	void oneRangeIsTheLegacyRange() {
		CommandSpec mset = command("mset").keySpecs(KeySpec.index(1).range(-1, 2, 0).flags(OW, UPDATE)).build();
		assertThat(List.of(mset.firstKey(), mset.lastKey(), mset.keyStep())).containsExactly(1, -1, 2);
		assertThat(mset.flags()).doesNotContain(MOVABLEKEYS);
		assertThat(mset.keyPositions(line("mset", "a", "1", "b", "2"))).containsExactly(1, 3);
	}

	@Test
	void consecutiveRangesMergeIntoOneLegacyRange() {
		CommandSpec lmove = command("lmove")
			.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, DELETE), KeySpec.index(2).range(0).flags(RW))
			.build();
		assertThat(List.of(lmove.firstKey(), lmove.lastKey(), lmove.keyStep())).containsExactly(1, 2, 1);
		assertThat(lmove.flags()).doesNotContain(MOVABLEKEYS);
	}

	@Test
	void aKeyNumSpecMakesTheKeysMovable() {
		CommandSpec zunionstore = command("zunionstore")
			.keySpecs(KeySpec.index(1).range(0).flags(OW, UPDATE), KeySpec.index(2).keynum(0, 1, 1).flags(RO, ACCESS))
			.build();
		assertThat(List.of(zunionstore.firstKey(), zunionstore.lastKey(), zunionstore.keyStep())).containsExactly(1, 1,
				1);
		assertThat(zunionstore.flags()).contains(MOVABLEKEYS);
		byte[][] args = line("zunionstore", "d", "2", "a", "b", "WEIGHTS", "1", "2");
		assertThat(zunionstore.keyPositions(args)).containsExactly(1, 3, 4);
		assertThat(zunionstore.writtenKeyPositions(args)).containsExactly(1);
		assertThat(zunionstore.getKeys(args)).extracting(KeyRef::position).containsExactly(1, 3, 4);
		// a bad numkeys: the spec finds nothing, the other spec still does for locking
		assertThat(zunionstore.keyPositions(line("zunionstore", "d", "9", "a"))).containsExactly(1);
		assertThat(zunionstore.getKeys(line("zunionstore", "d", "9", "a"))).isEmpty();
		assertThat(zunionstore.keyPositions(line("zunionstore", "d", "x", "a"))).containsExactly(1);
	}

	@Test
	void onlyKeyNumSpecsLeaveNoLegacyRange() {
		CommandSpec eval = command("eval").keySpecs(KeySpec.index(2).keynum(0, 1, 1).flags(RW, ACCESS, UPDATE))
			.getKeysProc(GetKeysProc.numKeys(0, 2, 3))
			.build();
		assertThat(List.of(eval.firstKey(), eval.lastKey(), eval.keyStep())).containsExactly(0, 0, 0);
		assertThat(eval.keyPositions(line("eval", "s", "2", "a", "b", "argv"))).containsExactly(3, 4);
		assertThat(eval.keyPositions(line("eval", "s", "0", "argv"))).isEmpty();
		// Redis's fallback reads numkeys with atoi
		assertThat(eval.getKeys(line("eval", "s", "+1", "a"))).extracting(KeyRef::position).containsExactly(3);
	}

	@Test
	void keywordSearchesForwardAndBackward() {
		CommandSpec xread = command("xread").keySpecs(KeySpec.keyword("STREAMS", 1).range(-1, 1, 2).flags(RO, ACCESS))
			.build();
		assertThat(xread.flags()).contains(MOVABLEKEYS);
		assertThat(xread.keyPositions(line("xread", "COUNT", "2", "streams", "a", "b", "0", "0"))).containsExactly(4,
				5);
		assertThat(xread.keyPositions(line("xread", "COUNT", "2"))).isEmpty();
		CommandSpec migrate = command("migrate")
			.keySpecs(KeySpec.index(3).range(0).flags(RW, ACCESS, DELETE),
					KeySpec.keyword("KEYS", -2).range(-1).flags(RW, ACCESS, DELETE, INCOMPLETE))
			.build();
		byte[][] args = line("migrate", "h", "p", "", "0", "5000", "KEYS", "a", "b");
		assertThat(migrate.keyPositions(args)).containsExactly(3, 7, 8);
		// incomplete: Redis's getKeysUsingKeySpecs gives up, and there is no getkeys_proc
		assertThat(migrate.getKeys(args)).isEmpty();
		assertThat(migrate.mayHaveKeys()).isTrue();
	}

	@Test
	void implicitAclCategoriesComeFromTheFlags() {
		CommandSpec blpop = command("blpop").flags(WRITE, BLOCKING)
			.acl(AclCategory.LIST)
			.keySpecs(KeySpec.index(1).range(-2).flags(RW, ACCESS, DELETE))
			.build();
		assertThat(blpop.aclCategories()).containsExactly(AclCategory.WRITE, AclCategory.LIST, AclCategory.SLOW,
				AclCategory.BLOCKING);
		CommandSpec evalRo = command("eval_ro").flags(READONLY).acl(AclCategory.SCRIPTING).build();
		assertThat(evalRo.aclCategories()).containsExactly(AclCategory.SLOW, AclCategory.SCRIPTING);
	}

	@Test
	void setsKeyFlagsDependOnGet() {
		assertThat(StringCommandSpecs.SET.getKeys(line("set", "k", "v", "get")).get(0).flags()).containsExactly(RW,
				ACCESS, UPDATE);
		assertThat(StringCommandSpecs.SET.getKeys(line("set", "k", "v")).get(0).flags()).containsExactly(OW, UPDATE);
	}

	@Test
	void declarationsAreChecked() {
		assertThatIllegalStateException().isThrownBy(() -> command("x").flags(MOVABLEKEYS).build())
			.withMessageContaining("derived");
		assertThatIllegalStateException().isThrownBy(() -> command("x").arguments(key("k", 0)).build())
			.withMessageContaining("key spec 0");
		assertThatIllegalStateException()
			.isThrownBy(() -> command("x").subcommands(CommandSpec.subcommand("y", "z")
				.arity(2)
				.group(CommandGroup.GENERIC)
				.since("1.0.0")
				.summary("z")
				.build()).build())
			.withMessageContaining("not a subcommand of x");
		assertThatIllegalStateException().isThrownBy(() -> CommandSpec.command("x").arity(1).build())
			.withMessageContaining("group");
	}

}
