package dev.larder.cache.memcached;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Makes any string a legal Memcached key: at most 250 bytes, no spaces or control
 * characters. A key that already is one is used as it is. Any other keeps a readable head
 * (illegal characters replaced) followed by a SHA-256 digest of the whole key, so
 * distinct keys stay distinct and the same key always maps to the same Memcached key.
 */
final class MemcachedKeys {

	static final int MAX_KEY_BYTES = 250;

	/** 1 separator + 43 characters of unpadded base64url SHA-256. */
	private static final int DIGEST_PART = 44;

	private static final int HEAD_BYTES = 150;

	private MemcachedKeys() {
	}

	static String legal(String key) {
		byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
		if (bytes.length <= MAX_KEY_BYTES && !hasIllegalByte(bytes)) {
			return key;
		}
		StringBuilder head = new StringBuilder(HEAD_BYTES + DIGEST_PART);
		for (int i = 0; i < key.length() && head.length() < HEAD_BYTES; i++) {
			char c = key.charAt(i);
			head.append((c > ' ' && c < 127) ? c : '_');
		}
		return head.append('#').append(digest(bytes)).toString();
	}

	private static boolean hasIllegalByte(byte[] bytes) {
		for (byte b : bytes) {
			if (b >= 0 && b <= ' ' || b == 127) {
				return true;
			}
		}
		return false;
	}

	private static String digest(byte[] bytes) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}
