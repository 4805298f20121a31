//! perf_event_open's `struct perf_event_attr` (`decode/perf.rs`), as strace 6.1 prints it
//! (its tests perf_event_open.c and perf_event_open_nonverbose.c).

use super::*;

const NR_PERF_EVENT_OPEN: u64 = 298;

/// An attr of `size` bytes (its `size` member `size_field`), with a hardware cache event,
/// a frequency, the branch stack sampled and some flags set.
fn attr(size: usize, size_field: u32, kind: u32, bits: u64) -> Vec<u8> {
    let mut b = vec![0u8; size];
    put(&mut b, 0, kind.to_ne_bytes());
    put(&mut b, 4, size_field.to_ne_bytes());
    put(&mut b, 8, 0x0001_0102u64.to_ne_bytes());
    put(&mut b, 16, 4000u64.to_ne_bytes());
    put(&mut b, 24, 0x800u64.to_ne_bytes());
    put(&mut b, 40, bits.to_ne_bytes());
    if size > 72 {
        put(&mut b, 72, 3u64.to_ne_bytes());
    }
    b
}

const FLAGS: &str = "PERF_FLAG_FD_CLOEXEC|0xfffffffffffffff0";

#[test]
fn attr_abbreviated_and_verbose() {
    // disabled, freq, precise_ip=2, bit 40 (reserved).
    let bits = 1 | 1 << 10 | 2 << 15 | 1 << 40;
    let mem = FakeMemory::new().with(0x1000, &attr(80, 80, 3, bits));
    let head = "perf_event_open({type=PERF_TYPE_HW_CACHE, size=PERF_ATTR_SIZE_VER2, config=PERF_COUNT_HW_CACHE_RESULT_MISS<<16|PERF_COUNT_HW_CACHE_OP_WRITE<<8|PERF_COUNT_HW_CACHE_LL, sample_freq=4000, sample_type=PERF_SAMPLE_BRANCH_STACK, read_format=0, disabled=1";
    let args = [0x1000, 0, u64::MAX, u64::MAX, !7, 0];
    assert_eq!(
        line(NR_PERF_EVENT_OPEN, args, &mem, Outcome::Err(EINVAL)),
        format!(
            "{head}, freq=1, precise_ip=2 /* requested to have 0 skid */, __reserved_1=0x4 /* Bits 63..38 */, ...}}, 0, -1, -1, {FLAGS}) = -1 EINVAL (Invalid argument)"
        )
    );
    let verbose = line_verbose(NR_PERF_EVENT_OPEN, args, &mem, Outcome::Ok(3));
    assert!(
        verbose.starts_with(&format!("{head}, inherit=0, pinned=0,")),
        "{verbose}"
    );
    assert!(
        verbose.ends_with(&format!(
            "sigtrap=0, __reserved_1=0x4 /* Bits 63..38 */, wakeup_events=0, config1=0, config2=0, branch_sample_type=PERF_SAMPLE_BRANCH_USER|PERF_SAMPLE_BRANCH_KERNEL}}, 0, -1, -1, {FLAGS}) = 3"
        )),
        "{verbose}"
    );
}

/// The size the kernel writes back after `E2BIG`; a size below the first version, NULL and
/// an unreadable attr show the address.
#[test]
fn attr_size_changed_and_bad() {
    let before = FakeMemory::new().with(0x1000, &attr(72, 0xa0, 5, 0));
    let after = FakeMemory::new().with(0x1000, &attr(72, 0x80, 5, 0));
    let out = render_call(
        NR_PERF_EVENT_OPEN,
        [0x1000, 0, 0, 0, 0, 0],
        [&before, &after],
        DecodeOpts::default(),
        None,
        |_| {},
        Outcome::Err(E2BIG),
    );
    assert_eq!(
        out,
        "perf_event_open({type=PERF_TYPE_BREAKPOINT, size=0xa0 /* PERF_ATTR_SIZE_??? */ => PERF_ATTR_SIZE_VER7, config=0x10102, sample_period=4000, sample_type=PERF_SAMPLE_BRANCH_STACK, read_format=0, precise_ip=0 /* arbitrary skid */, ...}, 0, 0, 0, 0) = -1 E2BIG (Argument list too long)"
    );
    let small = FakeMemory::new().with(0x1000, &attr(72, 63, 5, 0));
    assert_eq!(
        line(
            NR_PERF_EVENT_OPEN,
            [0x1000, 0, 0, 0, 0, 0],
            &small,
            Outcome::Err(EINVAL)
        ),
        "perf_event_open(0x1000, 0, 0, 0, 0)     = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_PERF_EVENT_OPEN,
            [0, 0, 0, 0, 0, 0],
            &small,
            Outcome::Err(EINVAL)
        ),
        "perf_event_open(NULL, 0, 0, 0, 0)       = -1 EINVAL (Invalid argument)"
    );
    // A breakpoint under -v: its type (an invalid mix), address and length.
    let mut bp = attr(72, 72, 5, 0);
    put(&mut bp, 52, 5u32.to_ne_bytes());
    put(&mut bp, 64, 8u64.to_ne_bytes());
    let mem = FakeMemory::new().with(0x1000, &bp);
    let out = line_verbose(
        NR_PERF_EVENT_OPEN,
        [0x1000, 0, 0, 0, 0, 0],
        &mem,
        Outcome::Err(EINVAL),
    );
    assert!(
        out.ends_with("wakeup_events=0, bp_type=0x5 /* HW_BREAKPOINT_INVALID */, bp_addr=0, bp_len=8}, 0, 0, 0, 0) = -1 EINVAL (Invalid argument)"),
        "{out}"
    );
}
