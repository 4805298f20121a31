/* System V IPC, raw: `h_ipc WORKDIR [quirks]`. A message queue, a semaphore
 * set and a shared memory segment are created, used, queried with every
 * *ctl command strace decodes, and removed; keys no object has, bad
 * addresses and bad commands show the failures. With `quirks`, also the
 * flags strace 6.1 prints without a `|` before the mode.
 *
 * It all happens in an IPC namespace of the helper's own (unshare(2),
 * CLONE_NEWIPC): the ids are the namespace's first (0), the counts the INFO
 * commands report are the same in every run, and whatever the helper creates
 * goes away with the namespace when it exits, even if it dies half way.
 * Without the namespace (no CAP_SYS_ADMIN) it exits 77 before the marker. */
#include "helper.h"
#include <sched.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <time.h>

/* <linux/ipc.h> and <linux/shm.h>, which glibc's headers do not share. */
#define IPC_64 0x0100
#define SHM_HUGE_SHIFT 26

/* A key no object of the fresh namespace has: every lookup fails. */
#define NO_KEY 0x7e57ab1e

/* The last bytes of a page whose next page is unmapped. */
static char *page_end(size_t n)
{
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		_exit(102);
	munmap(p + 4096, 4096);
	return p + 4096 - n;
}

static void messages(void)
{
	struct {
		long mtype;
		char mtext[20];
	} msg = { 5, "hello, queue" }, in;
	struct msqid_ds ds;
	struct msginfo info;
	long *edge = (long *)page_end(16);
	int id;

	id = syscall(SYS_msgget, IPC_PRIVATE, IPC_CREAT | 0600);
	syscall(SYS_msgget, NO_KEY, 0);
	syscall(SYS_msgget, NO_KEY, IPC_EXCL | IPC_NOWAIT | 0640);
	syscall(SYS_msgsnd, id, &msg, 13, 0);
	msg.mtype = 7;
	syscall(SYS_msgsnd, id, &msg, 20, IPC_NOWAIT);
	syscall(SYS_msgsnd, id, NULL, 1, IPC_NOWAIT);
	edge[0] = 1;
	syscall(SYS_msgsnd, id, edge, 64, IPC_NOWAIT);
	syscall(SYS_msgsnd, id, &msg, 4, 0x7000000);
	memset(&in, 'x', sizeof(in));
	syscall(SYS_msgrcv, id, &in, 16, 5L, MSG_NOERROR);
	syscall(SYS_msgrcv, id, &in, 4, -7L, MSG_NOERROR | IPC_NOWAIT);
	syscall(SYS_msgrcv, id, &in, 16, 0L, IPC_NOWAIT);
	syscall(SYS_msgrcv, id, &in, 16, 3L, IPC_NOWAIT | MSG_EXCEPT);
	syscall(SYS_msgctl, id, IPC_STAT, &ds);
	syscall(SYS_msgctl, id, IPC_SET, &ds);
	syscall(SYS_msgctl, id, IPC_INFO, &info);
	syscall(SYS_msgctl, id, MSG_INFO, &info);
	syscall(SYS_msgctl, 0, MSG_STAT, &ds);
	syscall(SYS_msgctl, 0, MSG_STAT_ANY, &ds);
	syscall(SYS_msgctl, id, IPC_64 | IPC_STAT, &ds);
	syscall(SYS_msgctl, id, 0x77, &ds);
	syscall(SYS_msgctl, id, IPC_STAT, (void *)8);
	syscall(SYS_msgctl, id, IPC_SET, NULL);
	syscall(SYS_msgctl, id, IPC_RMID, NULL);
}

static void semaphores(void)
{
	struct sembuf ops[2] = {
		{ .sem_num = 0, .sem_op = 2, .sem_flg = SEM_UNDO },
		{ .sem_num = 1, .sem_op = 1, .sem_flg = IPC_NOWAIT },
	};
	struct sembuf *edge = (struct sembuf *)page_end(sizeof(*edge));
	struct sembuf many[40];
	struct timespec ts = { .tv_sec = 0, .tv_nsec = 1000 };
	unsigned short vals[2] = { 3, 4 };
	struct semid_ds ds;
	struct seminfo info;
	int id;

	id = syscall(SYS_semget, IPC_PRIVATE, 2, IPC_CREAT | IPC_EXCL | 0600);
	syscall(SYS_semget, NO_KEY, 1, 0);
	syscall(SYS_semctl, id, 0, SETVAL, 1);
	syscall(SYS_semctl, id, 0, GETVAL, 0);
	syscall(SYS_semctl, id, 0, SETALL, vals);
	syscall(SYS_semctl, id, 0, GETALL, vals);
	syscall(SYS_semop, id, ops, 2);
	*edge = ops[0];
	syscall(SYS_semop, id, edge, 2);
	syscall(SYS_semop, id, NULL, 1);
	syscall(SYS_semop, id, ops, 0);
	ops[0].sem_op = -100;
	ops[0].sem_flg = IPC_NOWAIT;
	syscall(SYS_semtimedop, id, ops, 1, &ts);
	ops[0].sem_op = -1;
	syscall(SYS_semtimedop, id, ops, 1, NULL);
	syscall(SYS_semtimedop, id, ops, 1, (void *)8);
	/* More operations than -s shows (-v shows them all): each waits for
	 * a zero the semaphore does not hold, and none waits. */
	for (int i = 0; i < 40; i++)
		many[i] = (struct sembuf){ .sem_num = 0, .sem_op = 0,
					   .sem_flg = IPC_NOWAIT };
	syscall(SYS_semop, id, many, 40);
	syscall(SYS_semctl, id, 1, GETPID, 0);
	syscall(SYS_semctl, id, 0, GETNCNT, 0);
	syscall(SYS_semctl, id, 0, GETZCNT, 0);
	syscall(SYS_semctl, id, 0, IPC_STAT, &ds);
	syscall(SYS_semctl, id, 0, IPC_SET, &ds);
	syscall(SYS_semctl, id, 0, IPC_INFO, &info);
	syscall(SYS_semctl, id, 0, SEM_INFO, &info);
	syscall(SYS_semctl, 0, 0, SEM_STAT, &ds);
	syscall(SYS_semctl, 0, 0, SEM_STAT_ANY, &ds);
	syscall(SYS_semctl, id, 0, 0x77, 0);
	syscall(SYS_semctl, id, 0, IPC_64 | GETVAL, 0);
	syscall(SYS_semctl, id, 0, IPC_STAT, (void *)8);
	syscall(SYS_semctl, id, 0, IPC_RMID, 0);
}

static void shared_memory(void)
{
	struct shmid_ds ds;
	struct shminfo info;
	struct shm_info shm_info;
	char *p;
	int id;

	id = syscall(SYS_shmget, IPC_PRIVATE, 8192, IPC_CREAT | 0600);
	syscall(SYS_shmget, NO_KEY, 4096, SHM_HUGETLB | 21 << SHM_HUGE_SHIFT | 0600);
	syscall(SYS_shmget, NO_KEY, 4096, SHM_NORESERVE | 0644);
	p = (char *)syscall(SYS_shmat, id, NULL, SHM_RDONLY);
	syscall(SYS_shmdt, p);
	p = (char *)syscall(SYS_shmat, id, NULL, 0);
	p[0] = 1;
	syscall(SYS_shmat, id, NULL, SHM_REMAP);
	syscall(SYS_shmat, 0x7fffffff, NULL, SHM_RND | SHM_EXEC | 0x100);
	syscall(SYS_shmctl, id, IPC_STAT, &ds);
	syscall(SYS_shmctl, id, IPC_SET, &ds);
	syscall(SYS_shmctl, id, IPC_INFO, &info);
	syscall(SYS_shmctl, id, SHM_INFO, &shm_info);
	syscall(SYS_shmctl, 0, SHM_STAT, &ds);
	syscall(SYS_shmctl, 0, SHM_STAT_ANY, &ds);
	syscall(SYS_shmctl, id, 0x77, NULL);
	syscall(SYS_shmctl, id, IPC_STAT, (void *)8);
	syscall(SYS_shmctl, id, IPC_RMID, NULL);
	syscall(SYS_shmdt, p);
	syscall(SYS_shmdt, NULL);
}

/* Flags no name covers, which strace 6.1 writes right before the mode. */
static void quirks(void)
{
	syscall(SYS_msgget, NO_KEY, 0x10000000 | 0600);
	syscall(SYS_semget, NO_KEY, 1, 0x20000000 | 0644);
	syscall(SYS_shmget, NO_KEY, 1, 0x1000000 | 0644);
}

int main(int argc, char **argv)
{
	setup(argc, argv);
	if (unshare(CLONE_NEWIPC) != 0)
		return 77;
	begin_marker();
	syscall(SYS_getpid);
	messages();
	semaphores();
	shared_memory();
	if (argc > 2 && strcmp(argv[2], "quirks") == 0)
		quirks();
	return 0;
}
