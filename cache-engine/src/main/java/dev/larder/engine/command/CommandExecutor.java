package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.keyspace.Bytes;
import dev.larder.engine.keyspace.Keyspace;
import java.util.Arrays;

/**
 * Runs a command on the calling thread, in Redis's order of checks: unknown command, arity, authentication.
 * It locks exactly the shards of the command's keys (from the table's key positions), ascending, so multi-key
 * commands never deadlock and unrelated keys never wait on each other. Keyless commands that touch the whole
 * keyspace (KEYS, SCAN, FLUSHDB, ...) lock shard by shard themselves.
 */
public final class CommandExecutor {

    /**
     * Returned (by identity) when a blocking command parked its client in {@link Blocking}: the connection
     * sends nothing now and stops reading commands until the client is served or times out.
     */
    public static final Reply BLOCKED = new Reply.NullReply(true);

    private final EngineCore core;

    public CommandExecutor(EngineCore core) {
        this.core = core;
        core.blocking().executor(this);
    }

    /** Re-runs a parked command without letting it park again (Blocking's serve path). */
    Reply executeUnblocking(ClientSession session, byte[][] args) {
        session.noBlock(true);
        try {
            return execute(session, args);
        } finally {
            session.noBlock(false);
        }
    }

    public Reply execute(ClientSession session, byte[][] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("empty command");
        }
        CommandSpec spec = core.table().lookup(args[0]);
        if (spec == null) {
            return error(Errors.unknownCommand(args));
        }
        if (spec.hasSubcommands() && args.length >= 2) {
            CommandSpec sub = spec.subcommands().get(Bytes.string(args[1]).toLowerCase(java.util.Locale.ROOT));
            if (sub == null) {
                return error(Errors.unknownSubcommand(args[1], spec.name().toUpperCase(java.util.Locale.ROOT)));
            }
            spec = sub;
        }
        if (!spec.arityOk(args.length)) {
            return error(Errors.wrongArity(spec.name()));
        }
        if (!session.authenticated() && !spec.noAuth()) {
            return error(Errors.NOAUTH);
        }
        core.stats().commandsProcessed.increment();
        CommandContext context = new CommandContext(core, session, args);
        session.touched(spec.name(), context.now());
        Reply reply;
        try {
            reply = runLocked(spec, context);
        } catch (ReplyException e) {
            reply = e.reply();
        }
        if (reply.isError()) {
            core.stats().errorReplies.increment();
        } else if (spec.write() && spec.firstKey() > 0 && !(reply instanceof Reply.NullReply)
                && core.blocking().anyWaiting()) {
            core.blocking().signal(session.db(), args, spec.firstKey());
        }
        return reply;
    }

    private Reply runLocked(CommandSpec spec, CommandContext context) {
        byte[][] args = context.args;
        int first = spec.firstKey();
        if (first == 0 || first >= args.length) {
            return spec.handler().handle(context);
        }
        int last = spec.lastKey() < 0 ? args.length + spec.lastKey() : Math.min(spec.lastKey(), args.length - 1);
        Keyspace ks = core.keyspace();
        if (last <= first) {
            var shard = ks.shard(ks.shardIndex(args[first]));
            shard.lock();
            try {
                return spec.handler().handle(context);
            } finally {
                shard.unlock();
            }
        }
        int[] shards = shardsOf(ks, args, first, last, spec.step());
        for (int s : shards) {
            ks.shard(s).lock();
        }
        try {
            return spec.handler().handle(context);
        } finally {
            for (int i = shards.length - 1; i >= 0; i--) {
                ks.shard(shards[i]).unlock();
            }
        }
    }

    /** Distinct shard indexes of the keys, ascending: the global lock order. */
    private static int[] shardsOf(Keyspace ks, byte[][] args, int first, int last, int step) {
        int[] idx = new int[(last - first) / step + 1];
        int n = 0;
        for (int i = first; i <= last; i += step) {
            idx[n++] = ks.shardIndex(args[i]);
        }
        Arrays.sort(idx, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || idx[distinct - 1] != idx[i]) {
                idx[distinct++] = idx[i];
            }
        }
        return distinct == idx.length ? idx : Arrays.copyOf(idx, distinct);
    }

    private Reply error(String message) {
        core.stats().errorReplies.increment();
        return Reply.error(message);
    }
}
