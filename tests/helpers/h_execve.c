/* execve argv/envp decoding: failing calls (ENOENT, EFAULT, NULL arrays,
 * more than 32 elements) and a final successful execve of /bin/true with an
 * argv holding a long element and escapes, and a 3-entry envp. */
#include "helper.h"

static char *const env3[] = { "A=1", "PATH=/usr/bin:/bin", "LONG_VARIABLE=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", NULL };
static char *const env0[] = { NULL };
static char *const args[] = {
	"/bin/true",
	"short",
	"a string that is much longer than thirty-two bytes",
	"tab\there \"quoted\" back\\slash\nnewline",
	"",
	"\001\377",
	NULL
};
static char *const many[] = {
	"0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
	"10", "11", "12", "13", "14", "15", "16", "17", "18", "19",
	"20", "21", "22", "23", "24", "25", "26", "27", "28", "29",
	"30", "31", "32", "33", "34", "35", "36", "37", "38", "39",
	NULL
};
static char *const exactly32[] = {
	"0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
	"10", "11", "12", "13", "14", "15", "16", "17", "18", "19",
	"20", "21", "22", "23", "24", "25", "26", "27", "28", "29",
	"30", "31", NULL
};
static char *const badelem[] = { "ok", (char *)8, NULL };

int main(int argc, char **argv)
{
	setup(argc, argv);
	begin_marker();

	syscall(SYS_execve, "/nonexistent/prog", args, env3);          /* ENOENT */
	syscall(SYS_execve, "/nonexistent/prog", many, env0);          /* > 32 elements */
	syscall(SYS_execve, "/nonexistent/prog", exactly32, env0);
	syscall(SYS_execve, "/nonexistent/prog", NULL, NULL);
	syscall(SYS_execve, "/nonexistent/prog", (char **)8, (char **)8); /* EFAULT */
	syscall(SYS_execve, "/nonexistent/prog", badelem, env0);       /* EFAULT */
	syscall(SYS_execve, (char *)8, args, env0);                     /* EFAULT */
	syscall(SYS_execve, ".", args, env0);                           /* EACCES */
	syscall(SYS_execve, "/bin/true", args, env3);
	syscall(SYS_exit_group, 99);
	return 99;
}
