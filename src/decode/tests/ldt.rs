//! x86 segment descriptors (`modify_ldt`, `set_thread_area`, `get_thread_area`) and
//! `_sysctl`'s argument struct.

use super::*;

const ENOSYS: u64 = 38;
const NR_MODIFY_LDT: u64 = 154;
const NR_SYSCTL: u64 = 156;
const NR_SET_THREAD_AREA: u64 = 205;
const NR_GET_THREAD_AREA: u64 = 211;

/// entry_number, base_addr, limit, then the bit fields low bit first: seg_32bit=1,
/// contents=2, read_exec_only=0, limit_in_pages=1, seg_not_present=0, useable=1, lm=1.
fn user_desc(entry_number: u32) -> Vec<u8> {
    let bits: u32 = 1 | 2 << 1 | 1 << 4 | 1 << 6 | 1 << 7;
    words32(&[entry_number, 0x8786_8584, 0, bits])
}

const DESC: &str = "base_addr=0x87868584, limit=00000000, seg_32bit=1, contents=2, \
                    read_exec_only=0, limit_in_pages=1, seg_not_present=0, useable=1, lm=1}";

#[test]
fn modify_ldt_lines() {
    let mem = FakeMemory::new().with(0x1000, &user_desc(u32::MAX));
    // The struct only when the byte count is its size.
    assert_eq!(
        line(
            NR_MODIFY_LDT,
            [1, 0x1000, 16, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        format!("modify_ldt(1, {{entry_number=-1, {DESC}, 16) = 0")
    );
    assert_eq!(
        line(
            NR_MODIFY_LDT,
            [0, 0x1000, 42, 0, 0, 0],
            &mem,
            Outcome::Ok(42)
        ),
        "modify_ldt(0, 0x1000, 42)               = 42"
    );
    assert_eq!(
        line(
            NR_MODIFY_LDT,
            [1, UNREADABLE, 16, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "modify_ldt(1, 0xdead0000, 16)           = 0"
    );
    // The func is an int, the count unsigned; a 32-bit error comes back as a large number.
    assert_eq!(
        line(
            NR_MODIFY_LDT,
            [0xbadc_0ded_0000_0005, 0, u64::MAX, 0, 0, 0],
            &mem,
            Outcome::Ok(0xffff_ffda)
        ),
        "modify_ldt(5, NULL, 18446744073709551615) = 4294967258 ENOSYS (Function not implemented)"
    );
    // Below the last page of 32-bit values it is a count.
    assert_eq!(
        line(
            NR_MODIFY_LDT,
            [0, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0xffff_efff)
        ),
        "modify_ldt(0, NULL, 0)                  = 4294963199"
    );
}

#[test]
fn thread_area_lines() {
    let before = FakeMemory::new().with(0x1000, &user_desc(u32::MAX));
    let after = FakeMemory::new().with(0x1000, &user_desc(12));
    assert_eq!(
        line_changed(
            NR_SET_THREAD_AREA,
            [0x1000, 0, 0, 0, 0, 0],
            &before,
            &after,
            Outcome::Ok(0)
        ),
        format!("set_thread_area({{entry_number=-1, {DESC}) = 0 (entry_number=12)")
    );
    assert_eq!(
        line(
            NR_SET_THREAD_AREA,
            [0x1000, 0, 0, 0, 0, 0],
            &before,
            Outcome::Err(ENOSYS)
        ),
        format!(
            "set_thread_area({{entry_number=-1, {DESC}) = -1 ENOSYS (Function not implemented)"
        )
    );
    // get_thread_area: the number given at entry, what the kernel made of it at exit.
    assert_eq!(
        line_changed(
            NR_GET_THREAD_AREA,
            [0x1000, 0, 0, 0, 0, 0],
            &before,
            &after,
            Outcome::Ok(0)
        ),
        format!("get_thread_area({{entry_number=-1 => 12, {DESC}) = 0")
    );
    assert_eq!(
        line_changed(
            NR_GET_THREAD_AREA,
            [0x1000, 0, 0, 0, 0, 0],
            &after,
            &after,
            Outcome::Ok(0)
        ),
        format!("get_thread_area({{entry_number=12, {DESC}) = 0")
    );
    assert_eq!(
        line(
            NR_GET_THREAD_AREA,
            [0x1000, 0, 0, 0, 0, 0],
            &before,
            Outcome::Err(ENOSYS)
        ),
        "get_thread_area({entry_number=-1, ...}) = -1 ENOSYS (Function not implemented)"
    );
    assert_eq!(
        line(
            NR_GET_THREAD_AREA,
            [0, 0, 0, 0, 0, 0],
            &before,
            Outcome::Err(ENOSYS)
        ),
        "get_thread_area(NULL)                   = -1 ENOSYS (Function not implemented)"
    );
    assert_eq!(
        line(
            NR_GET_THREAD_AREA,
            [UNREADABLE, 0, 0, 0, 0, 0],
            &before,
            Outcome::Err(EFAULT)
        ),
        "get_thread_area(0xdead0000)             = -1 EFAULT (Bad address)"
    );
    // `-e verbose=none`: the addresses alone.
    assert_eq!(
        line_opts(
            NR_GET_THREAD_AREA,
            [0x1000, 0, 0, 0, 0, 0],
            &before,
            Outcome::Ok(0),
            opts(true, false, 32)
        ),
        "get_thread_area(0x1000)                 = 0"
    );
}

#[test]
fn sysctl_args() {
    let args = words(&[0x7000, 3, 0x7100, 0x7200, 0, 8, 0, 0, 0, 0]);
    let mem = FakeMemory::new().with(0x1000, &args);
    assert_eq!(
        line(
            NR_SYSCTL,
            [0x1000, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Err(ENOSYS)
        ),
        "_sysctl({name=0x7000, nlen=3, oldval=0x7100, oldlenp=0x7200, newval=NULL, newlen=8}) = -1 ENOSYS (Function not implemented)"
    );
    assert_eq!(
        line(NR_SYSCTL, [0, 0, 0, 0, 0, 0], &mem, Outcome::Err(ENOSYS)),
        "_sysctl(NULL)                           = -1 ENOSYS (Function not implemented)"
    );
}
