package dev.larder.engine.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.ConnectionCommandSpecs;
import dev.larder.engine.command.spec.GenericCommandSpecs;
import dev.larder.engine.command.spec.StringCommandSpecs;
import org.junit.jupiter.api.Test;

/** A command the engine implements is a declared spec bound to a handler, once. */
class CommandTableTest {

	private static final CommandHandler OK = c -> Reply.OK;

	@Test
	void looksUpCaseInsensitivelyAndByFullName() {
		CommandTable t = new CommandTable();
		t.bind(StringCommandSpecs.GET, OK);
		t.bindContainer(ConnectionCommandSpecs.CLIENT);
		t.bind(ConnectionCommandSpecs.CLIENT_ID, OK);
		assertThat(t.lookup("GeT".getBytes()).spec()).isSameAs(StringCommandSpecs.GET);
		assertThat(t.lookupFullName("CLIENT|ID").spec()).isSameAs(ConnectionCommandSpecs.CLIENT_ID);
		assertThat(t.lookupFullName("get|x")).isNull();
		assertThat(t.lookupFullName("client|id|x")).isNull();
		assertThat(t.all()).hasSize(2);
	}

	@Test
	void refusesWhatIsNotDeclaredOrBoundTwice() {
		CommandTable t = new CommandTable();
		t.bind(StringCommandSpecs.GET, OK);
		assertThatIllegalStateException().isThrownBy(() -> t.bind(StringCommandSpecs.GET, OK))
			.withMessageContaining("duplicate");
		assertThatIllegalStateException().isThrownBy(() -> t.bind(ConnectionCommandSpecs.CLIENT_ID, OK))
			.withMessageContaining("not declared by a bound container");
		assertThatIllegalArgumentException().isThrownBy(() -> t.bind(StringCommandSpecs.SET, null))
			.withMessageContaining("needs a handler");
		assertThatIllegalArgumentException().isThrownBy(() -> t.bindWalkingKeyspace(StringCommandSpecs.SET, OK))
			.withMessageContaining("has keys");
	}

	@Test
	void everyDeclaredSubcommandMustBeBound() {
		CommandTable t = new CommandTable();
		t.bindContainer(GenericCommandSpecs.OBJECT);
		t.bind(GenericCommandSpecs.OBJECT_ENCODING, OK);
		assertThatIllegalStateException().isThrownBy(t::verify).withMessageContaining("object|");
	}

}
