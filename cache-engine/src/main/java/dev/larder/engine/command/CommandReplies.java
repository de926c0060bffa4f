package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.AclCategory;
import dev.larder.engine.command.spec.Arg;
import dev.larder.engine.command.spec.ArgFlag;
import dev.larder.engine.command.spec.CommandFlag;
import dev.larder.engine.command.spec.CommandSpec;
import dev.larder.engine.command.spec.CommandTip;
import dev.larder.engine.command.spec.DocFlag;
import dev.larder.engine.command.spec.HistoryEntry;
import dev.larder.engine.command.spec.KeySpec;
import dev.larder.engine.command.spec.KeySpecFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CommandSpec} as COMMAND INFO and COMMAND DOCS send it, field for field in
 * Redis 7.0.15's order and RESP3 types (server.c addReplyCommandInfo,
 * addReplyCommandDocs): sets and maps where Redis sends them, which RESP2 flattens into
 * arrays as Redis does.
 */
final class CommandReplies {

	private CommandReplies() {
	}

	/** The ten-element COMMAND INFO entry. */
	static Reply info(CommandSpec spec) {
		List<Reply> flags = new ArrayList<>();
		for (CommandFlag flag : spec.flags()) {
			String name = flag.replyName(); // null for the flags Redis hides
			if (name != null) {
				flags.add(status(name));
			}
		}
		List<Reply> categories = new ArrayList<>();
		for (AclCategory category : spec.aclCategories()) {
			categories.add(status(category.replyName()));
		}
		List<Reply> tips = new ArrayList<>();
		for (CommandTip tip : spec.tips()) {
			tips.add(Reply.bulk(tip.replyName()));
		}
		List<Reply> keySpecs = new ArrayList<>();
		for (KeySpec keySpec : spec.keySpecs()) {
			keySpecs.add(keySpec(keySpec));
		}
		List<Reply> subcommands = new ArrayList<>();
		for (CommandSpec sub : spec.subcommands()) {
			subcommands.add(info(sub));
		}
		return Reply.array(Reply.bulk(spec.name()), Reply.integer(spec.arity()), new Reply.SetReply(flags),
				Reply.integer(spec.firstKey()), Reply.integer(spec.lastKey()), Reply.integer(spec.keyStep()),
				new Reply.SetReply(categories), new Reply.SetReply(tips), new Reply.SetReply(keySpecs),
				// an empty set when there are none, an array otherwise, as
				// addReplyCommandSubCommands
				subcommands.isEmpty() ? new Reply.SetReply(List.of()) : new Reply.ArrayReply(subcommands));
	}

	private static Reply keySpec(KeySpec spec) {
		List<Reply> map = new ArrayList<>();
		if (spec.notes() != null) {
			map.add(Reply.bulk("notes"));
			map.add(Reply.bulk(spec.notes()));
		}
		map.add(Reply.bulk("flags"));
		map.add(keyFlags(spec.flags()));
		map.add(Reply.bulk("begin_search"));
		if (spec.beginSearch() instanceof KeySpec.Index index) {
			map.add(typed("index", Reply.bulk("index"), Reply.integer(index.pos())));
		}
		else if (spec.beginSearch() instanceof KeySpec.Keyword keyword) {
			map.add(typed("keyword", Reply.bulk("keyword"), Reply.bulk(keyword.keyword()), Reply.bulk("startfrom"),
					Reply.integer(keyword.startFrom())));
		}
		else {
			map.add(typed("unknown"));
		}
		map.add(Reply.bulk("find_keys"));
		if (spec.findKeys() instanceof KeySpec.Range range) {
			map.add(typed("range", Reply.bulk("lastkey"), Reply.integer(range.lastKey()), Reply.bulk("keystep"),
					Reply.integer(range.keyStep()), Reply.bulk("limit"), Reply.integer(range.limit())));
		}
		else if (spec.findKeys() instanceof KeySpec.KeyNum keyNum) {
			map.add(typed("keynum", Reply.bulk("keynumidx"), Reply.integer(keyNum.keyNumIdx()), Reply.bulk("firstkey"),
					Reply.integer(keyNum.firstKey()), Reply.bulk("keystep"), Reply.integer(keyNum.keyStep())));
		}
		else {
			map.add(typed("unknown"));
		}
		return new Reply.MapReply(map);
	}

	/** {@code {type: ..., spec: {...}}} of begin_search and find_keys. */
	private static Reply typed(String type, Reply... spec) {
		return new Reply.MapReply(
				List.of(Reply.bulk("type"), Reply.bulk(type), Reply.bulk("spec"), new Reply.MapReply(List.of(spec))));
	}

	/** Key spec flags as a set of statuses, in Redis's order. */
	static Reply keyFlags(Set<KeySpecFlag> flags) {
		List<Reply> out = new ArrayList<>();
		for (KeySpecFlag flag : KeySpecFlag.values()) {
			if (flags.contains(flag)) {
				out.add(status(flag.replyName()));
			}
		}
		return new Reply.SetReply(out);
	}

	/** The COMMAND DOCS map of one command. */
	static Reply docs(CommandSpec spec) {
		List<Reply> map = new ArrayList<>();
		field(map, "summary", Reply.bulk(spec.summary()));
		field(map, "since", Reply.bulk(spec.since()));
		field(map, "group", Reply.bulk(spec.group().replyName()));
		optionalField(map, "complexity", spec.complexity());
		if (!spec.docFlags().isEmpty()) {
			List<Reply> flags = new ArrayList<>();
			for (DocFlag flag : spec.docFlags()) {
				flags.add(status(flag.replyName()));
			}
			field(map, "doc_flags", new Reply.SetReply(flags));
		}
		optionalField(map, "deprecated_since", spec.deprecatedSince());
		optionalField(map, "replaced_by", spec.replacedBy());
		if (!spec.history().isEmpty()) {
			List<Reply> history = new ArrayList<>();
			for (HistoryEntry h : spec.history()) {
				history.add(Reply.array(Reply.bulk(h.since()), Reply.bulk(h.changes())));
			}
			field(map, "history", new Reply.SetReply(history));
		}
		if (!spec.arguments().isEmpty()) {
			field(map, "arguments", arguments(spec.arguments()));
		}
		if (!spec.subcommands().isEmpty()) {
			List<Reply> subs = new ArrayList<>();
			for (CommandSpec sub : spec.subcommands()) {
				subs.add(Reply.bulk(sub.name()));
				subs.add(docs(sub));
			}
			field(map, "subcommands", new Reply.MapReply(subs));
		}
		return new Reply.MapReply(map);
	}

	private static Reply arguments(List<Arg> args) {
		List<Reply> out = new ArrayList<>(args.size());
		for (Arg arg : args) {
			List<Reply> map = new ArrayList<>();
			field(map, "name", Reply.bulk(arg.name()));
			field(map, "type", Reply.bulk(arg.type().replyName()));
			if (arg.keySpecIndex() >= 0) {
				field(map, "key_spec_index", Reply.integer(arg.keySpecIndex()));
			}
			optionalField(map, "token", arg.token());
			optionalField(map, "since", arg.since());
			optionalField(map, "deprecated_since", arg.deprecatedSince());
			if (!arg.flags().isEmpty()) {
				List<Reply> flags = new ArrayList<>();
				for (ArgFlag flag : arg.flags()) {
					flags.add(status(flag.replyName()));
				}
				field(map, "flags", new Reply.SetReply(flags));
			}
			if (arg.type().isContainer()) {
				field(map, "arguments", arguments(arg.arguments()));
			}
			out.add(new Reply.MapReply(map));
		}
		return new Reply.ArrayReply(out);
	}

	private static void field(List<Reply> map, String name, Reply value) {
		map.add(Reply.bulk(name));
		map.add(value);
	}

	/** A documentation field Redis leaves out when it has no value. */
	private static void optionalField(List<Reply> map, String name, @Nullable String value) {
		if (value != null) {
			field(map, name, Reply.bulk(value));
		}
	}

	private static Reply status(String text) {
		return new Reply.SimpleString(text);
	}

}
