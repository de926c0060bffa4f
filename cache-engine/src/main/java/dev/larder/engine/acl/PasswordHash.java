package dev.larder.engine.acl;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Passwords as Redis keeps them (ACLHashPassword): the lower-case hex SHA-256 of the
 * clear text, so a user's passwords are never stored in the clear.
 */
final class PasswordHash {

	/** HASH_PASSWORD_LEN: 64 hex digits. */
	static final int LENGTH = 64;

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private PasswordHash() {
	}

	static String of(byte[] clear, int from) {
		MessageDigest sha;
		try {
			sha = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java platform has SHA-256", e);
		}
		sha.update(clear, from, clear.length - from);
		byte[] hash = sha.digest();
		char[] hex = new char[LENGTH];
		for (int i = 0; i < hash.length; i++) {
			hex[i * 2] = HEX[(hash[i] >> 4) & 0xF];
			hex[i * 2 + 1] = HEX[hash[i] & 0xF];
		}
		return new String(hex);
	}

	/** ACLCheckPasswordHash: exactly 64 characters of 0-9 and a-f. */
	static boolean valid(byte[] op, int from) {
		if (op.length - from != LENGTH) {
			return false;
		}
		for (int i = from; i < op.length; i++) {
			byte c = op[i];
			if ((c < 'a' || c > 'f') && (c < '0' || c > '9')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * time_independent_strcmp: compares the whole of both hashes whatever differs, so the
	 * time taken says nothing of where.
	 */
	static boolean equal(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
				b.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
	}

}
