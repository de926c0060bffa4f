package dev.larder.engine.command;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's user and system CPU time (INFO cpu used_cpu_user, used_cpu_sys): on Linux
 * from /proc/self/stat (utime and stime, as getrusage would say); elsewhere the JVM's
 * process CPU time, all counted as user since it does not tell them apart.
 */
final class ProcessCpu {

	/** USER_HZ, the unit of /proc's times: 100 on every Linux the JVM runs on. */
	private static final long CLOCK_TICKS = 100;

	private static final Path STAT = Path.of("/proc/self/stat");

	private ProcessCpu() {
	}

	/** {user, system} in nanoseconds. */
	static long[] userAndSystemNanos() {
		try {
			String stat = Files.readString(STAT);
			// fields after the command name, which is in parentheses and may hold spaces
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long utime = Long.parseLong(f[11]);
			long stime = Long.parseLong(f[12]);
			return new long[] { utime * 1_000_000_000L / CLOCK_TICKS, stime * 1_000_000_000L / CLOCK_TICKS };
		}
		catch (IOException | RuntimeException e) {
			if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
				return new long[] { Math.max(0, os.getProcessCpuTime()), 0 };
			}
			return new long[] { 0, 0 };
		}
	}

}
