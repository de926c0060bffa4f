package dev.larder.engine.keyspace;

/** An entry whose key is kept in two longs (see {@link InlineKeys}). */
sealed interface InlineKey permits InlineKeyEntry, VolatileInlineKeyEntry {

	long keyLow();

	long keyHigh();

}
