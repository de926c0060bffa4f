package dev.larder.engine.acl;

import dev.larder.engine.command.ClientSession;
import dev.larder.engine.command.GlobMatcher;
import dev.larder.engine.pubsub.PubSub;
import dev.larder.engine.pubsub.Subscriber;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * ACLKillPubsubClientsIfNeeded: after ACL SETUSER, the user's subscribed clients whose
 * channels or patterns the new rules no longer cover are closed. Nothing is walked when a
 * new selector allows every channel or the new channel patterns include all the old ones.
 */
final class RevokedChannels {

	/** Every channel pattern of the new rules. */
	private final List<byte[]> upcoming;

	private final boolean revoked;

	RevokedChannels(UserRules original, UserRules now) {
		this.upcoming = new ArrayList<>();
		boolean anyAll = false;
		for (Selector s : now.selectors) {
			anyAll |= s.allChannels;
			upcoming.addAll(s.channels);
		}
		boolean kept = true;
		for (Selector s : original.selectors) {
			for (byte[] channel : s.channels) {
				kept &= upcoming.stream().anyMatch(c -> Arrays.equals(c, channel));
			}
		}
		this.revoked = !anyAll && !kept;
	}

	void closeViolators(AclUser user, Iterable<ClientSession> clients, PubSub pubsub, @Nullable ClientSession current) {
		if (!revoked) {
			return;
		}
		Map<Subscriber, ClientSession> byUser = new IdentityHashMap<>();
		for (ClientSession s : clients) {
			Subscriber subscriber = s.subscriber();
			if (s.user() == user && subscriber != null && s.subscribed()) {
				byUser.put(subscriber, s);
			}
		}
		if (byUser.isEmpty()) {
			return;
		}
		Set<Subscriber> violators = Collections.newSetFromMap(new IdentityHashMap<>());
		pubsub.subscriptionsOf(byUser.keySet(), (subscriber, name, pattern) -> {
			if (!covered(name, pattern)) {
				violators.add(subscriber);
			}
		});
		byUser.forEach((subscriber, session) -> {
			if (violators.contains(subscriber)) {
				Acl.close(session, current);
			}
		});
	}

	/** ACLCheckChannelAgainstList over the new patterns: literal for a pattern. */
	private boolean covered(byte[] name, boolean pattern) {
		for (byte[] p : upcoming) {
			if (pattern ? Arrays.equals(p, name) : GlobMatcher.matches(p, name)) {
				return true;
			}
		}
		return false;
	}

}
