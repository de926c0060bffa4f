package dev.larder.engine.command;

import dev.larder.engine.keyspace.Database;
import dev.larder.engine.keyspace.KeyEntry;
import dev.larder.engine.keyspace.ValueType;

/** One command invocation: its arguments, the calling session, and the engine it runs in. */
public final class CommandContext {

    final EngineCore core;
    final ClientSession session;
    final byte[][] args;
    private long now = -1;

    CommandContext(EngineCore core, ClientSession session, byte[][] args) {
        this.core = core;
        this.session = session;
        this.args = args;
    }

    public byte[] arg(int i) {
        return args[i];
    }

    public int argc() {
        return args.length;
    }

    public Database db() {
        return core.keyspace().db(session.db());
    }

    public ClientSession session() {
        return session;
    }

    public EngineCore core() {
        return core;
    }

    public boolean resp3() {
        return session.protocol() == 3;
    }

    /** The clock read once per command, as Redis caches mstime for a command's duration. */
    public long now() {
        if (now < 0) {
            now = core.now();
        }
        return now;
    }

    /** Looks a key up for reading and checks its type; null when absent. */
    public KeyEntry lookupRead(byte[] key, ValueType type) {
        KeyEntry e = db().lookupRead(key);
        if (e != null && ValueType.of(e.value()) != type) {
            throw new ReplyException(Errors.WRONGTYPE);
        }
        return e;
    }

    /** Looks a key up for writing (no hit/miss stats) and checks its type; null when absent. */
    public KeyEntry lookupWrite(byte[] key, ValueType type) {
        KeyEntry e = db().lookup(key);
        if (e != null && ValueType.of(e.value()) != type) {
            throw new ReplyException(Errors.WRONGTYPE);
        }
        return e;
    }
}
