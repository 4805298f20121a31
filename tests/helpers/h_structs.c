/* Calls whose structs syscalls.toml describes (`[structs.NAME]`), raw:
 * `h_structs WORKDIR`. sched_getattr/sched_setattr (struct sched_attr, its
 * size handshake and the members the flags make the kernel ignore),
 * mount_setattr (struct mount_attr, bytes past it), the Landlock calls
 * (struct landlock_ruleset_attr, struct landlock_path_beneath_attr), and the
 * structs converted from hand-written printers (timezone, itimerspec,
 * itimerval, the capability header).
 *
 * Nothing here changes the machine: sched_setattr sets what sched_getattr
 * read (or is refused), mount_setattr is refused (bad flags, sizes, a path
 * that does not exist), the Landlock ruleset is never enforced (its rules and
 * restrict_self get bad descriptors), the timers are this process's own and
 * the time zone is refused. */
#include "helper.h"
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <linux/capability.h>
#include <linux/landlock.h>
#include <linux/mount.h>
#include <linux/sched.h>
#include <linux/sched/types.h>
#include <time.h>

/* The same value in every bit pattern the tests look for. */
#define FILL 0xdefaced00000000ULL

static void sched_calls(char *page_end)
{
	struct sched_attr attr, *edge = (void *)(page_end - sizeof(attr));
	unsigned int *size_at_end = (void *)(page_end - sizeof(unsigned int));

	memset(&attr, 0, sizeof(attr));
	syscall(SYS_sched_getattr, 0, NULL, 0, 0);
	syscall(SYS_sched_getattr, 0, &attr, 0, 0);
	syscall(SYS_sched_getattr, 0, &attr, SCHED_ATTR_SIZE_VER0, 0);
	syscall(SYS_sched_getattr, 0, &attr, sizeof(attr), 0);
	syscall(SYS_sched_getattr, 0, page_end, sizeof(attr), 0);
	syscall(SYS_sched_getattr, -1, &attr, FILL | sizeof(attr), FILL);
	/* What was read, set again: nothing changes. */
	syscall(SYS_sched_setattr, 0, &attr, 0);
	syscall(SYS_sched_setattr, 0, NULL, 0);
	*size_at_end = sizeof(attr);
	syscall(SYS_sched_setattr, 0, size_at_end, 0);
	memcpy(edge, &attr, sizeof(attr));
	edge->size = 0;
	syscall(SYS_sched_setattr, 0, edge, FILL | 1);
	attr.size = 1;
	syscall(SYS_sched_setattr, 0, &attr, 0);
	attr.size = SCHED_ATTR_SIZE_VER0 - 1;
	syscall(SYS_sched_setattr, 0, &attr, 0);
	/* Refused: unknown flags. */
	attr.size = SCHED_ATTR_SIZE_VER0;
	attr.sched_policy = 0xdefaced;
	attr.sched_flags = 0x88;
	attr.sched_nice = -5;
	attr.sched_runtime = 1000;
	syscall(SYS_sched_setattr, 0, &attr, 0);
	attr.size = sizeof(attr);
	attr.sched_flags = 0x80 | SCHED_FLAG_KEEP_PARAMS;
	attr.sched_util_min = 5;
	syscall(SYS_sched_setattr, 0, &attr, 0);
	attr.sched_policy = -2;
	attr.sched_flags = 0x80 | SCHED_FLAG_KEEP_POLICY;
	syscall(SYS_sched_setattr, 0, &attr, 0);
	attr.sched_flags = 0xbadc0ded00000080ULL;
	syscall(SYS_sched_setattr, 0, &attr, 0);
	/* Larger than the struct: refused (the bytes past it are out of reach). */
	memset(edge, 0xff, sizeof(*edge));
	edge->size = sizeof(attr) + 8;
	syscall(SYS_sched_setattr, 0, edge, 0);
}

static void mount_calls(char *page_end)
{
	struct mount_attr attr = {
		.attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_IDMAP,
		.attr_clr = 0xffffffff00000000ULL,
		.propagation = MS_PRIVATE,
		.userns_fd = 9,
	};
	struct mount_attr *big = (void *)(page_end - sizeof(attr) - 8);
	const char *nowhere = "/nonexistent/h_structs";

	syscall(SYS_mount_setattr, -1, nowhere, 0, &attr, sizeof(attr) - 1);
	syscall(SYS_mount_setattr, -1, nowhere, ~0U, &attr, sizeof(attr));
	syscall(SYS_mount_setattr, -1, nowhere, AT_SYMLINK_NOFOLLOW | 0x4000,
		NULL, sizeof(attr));
	syscall(SYS_mount_setattr, -1, nowhere, 0, &attr, sizeof(attr));
	attr.attr_set = MOUNT_ATTR_NOSUID;
	attr.attr_clr = MOUNT_ATTR_NODEV;
	attr.propagation = MS_SLAVE | MS_SHARED;
	attr.userns_fd = FILL | 9;
	syscall(SYS_mount_setattr, AT_FDCWD, nowhere, AT_RECURSIVE, &attr,
		sizeof(attr));
	memcpy(big, &attr, sizeof(attr));
	memset(big + 1, 0, 8);
	syscall(SYS_mount_setattr, -1, nowhere, 0, big, sizeof(attr) + 8);
	memset(big + 1, 0x81, 8);
	syscall(SYS_mount_setattr, -1, nowhere, 0, big, sizeof(attr) + 8);
	syscall(SYS_mount_setattr, -1, nowhere, 0, big, sizeof(attr) + 16);
	syscall(SYS_mount_setattr, -1, nowhere, 0, page_end - 8, sizeof(attr));
}

static void landlock_calls(char *page_end)
{
	struct landlock_ruleset_attr ruleset = {
		.handled_access_fs = LANDLOCK_ACCESS_FS_EXECUTE |
				     LANDLOCK_ACCESS_FS_READ_FILE,
	};
	struct landlock_path_beneath_attr rule = {
		.allowed_access = LANDLOCK_ACCESS_FS_EXECUTE | 0x8000,
		.parent_fd = -1,
	};
	long fd;

	syscall(SYS_landlock_create_ruleset, NULL, 0,
		LANDLOCK_CREATE_RULESET_VERSION);
	syscall(SYS_landlock_create_ruleset, &ruleset, 4, 0);
	syscall(SYS_landlock_create_ruleset, page_end, sizeof(ruleset), 0);
	syscall(SYS_landlock_create_ruleset, &ruleset, 16, FILL | 6);
	fd = syscall(SYS_landlock_create_ruleset, &ruleset, sizeof(ruleset), 0);
	syscall(SYS_landlock_add_rule, fd, LANDLOCK_RULE_PATH_BENEATH, &rule,
		FILL);
	syscall(SYS_landlock_add_rule, fd, FILL | 2, &rule, 0);
	syscall(SYS_landlock_add_rule, fd, LANDLOCK_RULE_PATH_BENEATH,
		page_end - 4, 0);
	syscall(SYS_landlock_restrict_self, -1, FILL | 1);
	if (fd >= 0)
		close(fd);
}

static void converted_calls(void)
{
	struct timezone tz = { .tz_minuteswest = -60, .tz_dsttime = 3 };
	struct itimerspec its = {
		.it_interval = { 0, 0 },
		.it_value = { 1000, 5 },
	};
	struct itimerval itv = { { 0, 0 }, { 0, 0 } };
	struct itimerspec old;
	struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
	timer_t timer;

	struct timezone bad_tz = { .tz_minuteswest = 100000, .tz_dsttime = 3 };

	syscall(SYS_gettimeofday, NULL, &tz);
	/* Refused: a zone more than 15 hours from UTC. */
	syscall(SYS_settimeofday, NULL, &bad_tz);
	syscall(SYS_setitimer, ITIMER_REAL, &itv, &itv);
	syscall(SYS_getitimer, ITIMER_VIRTUAL, &itv);
	syscall(SYS_getitimer, ITIMER_VIRTUAL, NULL);
	if (syscall(SYS_timer_create, CLOCK_MONOTONIC, NULL, &timer) == 0) {
		/* Read while disarmed: no time left to vary. */
		syscall(SYS_timer_gettime, timer, &old);
		syscall(SYS_timer_settime, timer, 0, &its, &old);
		syscall(SYS_timer_delete, timer);
	}
	/* No data: the kernel only checks the version (and writes its own). */
	syscall(SYS_capget, &hdr, NULL);
	hdr.version = 0x12345678;
	syscall(SYS_capget, &hdr, NULL);
}

int main(int argc, char **argv)
{
	char *page_end;

	setup(argc, argv);
	page_end = page_end_unmapped();
	if (!page_end)
		return 3;
	begin_marker();
	sched_calls(page_end);
	mount_calls(page_end);
	landlock_calls(page_end);
	converted_calls();
	return 0;
}
