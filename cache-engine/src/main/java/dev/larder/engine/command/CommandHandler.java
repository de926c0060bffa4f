package dev.larder.engine.command;

import dev.larder.engine.Reply;

/** Executes one command with its keys' shards already locked. */
@FunctionalInterface
public interface CommandHandler {

	Reply handle(CommandContext c);

}
