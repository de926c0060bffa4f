package dev.larder.engine.command;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys one client watches and whether one of them changed since (Redis's
 * client.watched_keys and CLIENT_DIRTY_CAS). The list belongs to the client's thread;
 * {@link #dirty} is set by whichever thread changed a watched key.
 */
final class SessionWatches {

	final List<WatchedKey> keys = new ArrayList<>(4);

	/** CLIENT_DIRTY_CAS: a watched key changed, so EXEC answers a null array. */
	volatile boolean dirty;

	boolean watches(int db, byte[] key) {
		for (WatchedKey wk : keys) {
			if (wk.sameKey(db, key)) {
				return true;
			}
		}
		return false;
	}

}
