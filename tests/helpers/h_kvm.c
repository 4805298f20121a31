/* A guest of three real-mode instructions for `-e kvm=vcpu`: `mov dx, 0x3f8`,
 * `out dx, al` (KVM_RUN returns with KVM_EXIT_IO) and `hlt` (KVM_EXIT_HLT).
 * Exits 77 when the machine has no usable /dev/kvm, so the test can tell. */
#include "helper.h"
#include <linux/kvm.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

#define GUEST_ADDR 0x1000

static const unsigned char guest[] = { 0xba, 0xf8, 0x03, 0xee, 0xf4 };

int main(int argc, char **argv)
{
	setup(argc, argv);
	int kvm = open("/dev/kvm", O_RDWR);
	if (kvm < 0 || ioctl(kvm, KVM_GET_API_VERSION, 0) != KVM_API_VERSION)
		return 77;
	int vm = ioctl(kvm, KVM_CREATE_VM, 0);
	if (vm < 0)
		return 77;
	unsigned char *mem = mmap(NULL, 0x1000, PROT_READ | PROT_WRITE,
				  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	memcpy(mem, guest, sizeof guest);
	struct kvm_userspace_memory_region region = {
		.slot = 0,
		.guest_phys_addr = GUEST_ADDR,
		.memory_size = 0x1000,
		.userspace_addr = (unsigned long) mem,
	};
	if (ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region))
		return 1;
	int vcpu = ioctl(vm, KVM_CREATE_VCPU, 0);
	int size = ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0);
	if (vcpu < 0 || size <= 0)
		return 1;
	struct kvm_run *run = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu, 0);
	if (run == MAP_FAILED)
		return 1;
	struct kvm_sregs sregs;
	if (ioctl(vcpu, KVM_GET_SREGS, &sregs))
		return 1;
	sregs.cs.base = 0;
	sregs.cs.selector = 0;
	if (ioctl(vcpu, KVM_SET_SREGS, &sregs))
		return 1;
	struct kvm_regs regs = { .rip = GUEST_ADDR, .rflags = 2 };
	if (ioctl(vcpu, KVM_SET_REGS, &regs))
		return 1;
	begin_marker();
	/* A run can also end for a signal or an interrupt (KVM_EXIT_INTR): run on until
	 * the guest halts, as any VMM does. */
	for (int i = 0; i < 100; i++) {
		if (ioctl(vcpu, KVM_RUN, 0) < 0)
			return 1;
		if (run->exit_reason == KVM_EXIT_HLT)
			return 0;
	}
	return 1;
}
