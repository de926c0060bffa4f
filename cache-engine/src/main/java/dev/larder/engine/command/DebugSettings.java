package dev.larder.engine.command;

/**
 * The switches DEBUG turns (Redis keeps them in its server struct): whether the active
 * expiry cycle and the server cron run, whether scripts may call commands flagged
 * noscript, and the figures the engine only stores so that DEBUG answers as Redis does.
 * They start at Redis's defaults and are not configuration: a restart resets them.
 */
public final class DebugSettings {

	/** quicklist.c's default packed_threshold: 1 GB. */
	static final long DEFAULT_PACKED_THRESHOLD = 1L << 30;

	/** networking.c's REPLY_BUFFER_DEFAULT_PEAK_RESET_TIME, in milliseconds. */
	static final long DEFAULT_PEAK_RESET_TIME = 5000;

	private volatile boolean activeExpire = true;

	private volatile boolean cronPaused;

	private volatile boolean disableDenyScripts;

	private volatile boolean skipChecksumValidation;

	private volatile long packedThreshold = DEFAULT_PACKED_THRESHOLD;

	private volatile int aofFlushSleepMicros;

	private volatile long replyBufferPeakResetTime = DEFAULT_PEAK_RESET_TIME;

	private volatile boolean replyBufferResizing = true;

	/**
	 * DEBUG SET-ACTIVE-EXPIRE: false stops the active expiry cycle, so an expired key
	 * goes only when a command touches it.
	 */
	public boolean activeExpire() {
		return activeExpire;
	}

	void activeExpire(boolean on) {
		this.activeExpire = on;
	}

	/** DEBUG PAUSE-CRON: true stops the periodic jobs (active expiry, server cron). */
	public boolean cronPaused() {
		return cronPaused;
	}

	void cronPaused(boolean paused) {
		this.cronPaused = paused;
	}

	/** DEBUG SET-DISABLE-DENY-SCRIPTS: true lets scripts call noscript commands. */
	public boolean disableDenyScripts() {
		return disableDenyScripts;
	}

	void disableDenyScripts(boolean disable) {
		this.disableDenyScripts = disable;
	}

	/**
	 * DEBUG SET-SKIP-CHECKSUM-VALIDATION: true makes RESTORE accept a payload whose CRC64
	 * does not match.
	 */
	public boolean skipChecksumValidation() {
		return skipChecksumValidation;
	}

	void skipChecksumValidation(boolean skip) {
		this.skipChecksumValidation = skip;
	}

	/**
	 * DEBUG QUICKLIST-PACKED-THRESHOLD: the element size from which Redis stores a list
	 * element in a plain node of its own (the engine's lists have no nodes; DEBUG
	 * OBJECT's ql_* estimate reads it).
	 */
	public long packedThreshold() {
		return packedThreshold;
	}

	void packedThreshold(long bytes) {
		this.packedThreshold = bytes;
	}

	/** DEBUG AOF-FLUSH-SLEEP, stored only: the engine writes no AOF. */
	int aofFlushSleepMicros() {
		return aofFlushSleepMicros;
	}

	void aofFlushSleepMicros(int micros) {
		this.aofFlushSleepMicros = micros;
	}

	/** DEBUG REPLYBUFFER PEAK-RESET-TIME, stored only; -1 is NEVER. */
	long replyBufferPeakResetTime() {
		return replyBufferPeakResetTime;
	}

	void replyBufferPeakResetTime(long millis) {
		this.replyBufferPeakResetTime = millis;
	}

	/**
	 * DEBUG REPLYBUFFER RESIZING, stored only: the engine's reply buffers are Netty's.
	 */
	boolean replyBufferResizing() {
		return replyBufferResizing;
	}

	void replyBufferResizing(boolean on) {
		this.replyBufferResizing = on;
	}

}
