//! strace's ptp.c requests (`decode/ioctl_ptp.rs`): unions chosen by flags, reserved words
//! shown when not zero, time stamps as many as the samples asked, dates of points in time.

use super::*;

const GETCAPS: u64 = 0x8050_3d01;
const EXTTS_REQUEST2: u64 = 0x4010_3d0b;
const PEROUT_REQUEST2: u64 = 0x4038_3d0c;
const ENABLE_PPS: u64 = 0x4004_3d04;
const SYS_OFFSET: u64 = 0x4340_3d05;
const PIN_GETFUNC2: u64 = 0xc060_3d0f;
const PIN_SETFUNC: u64 = 0x4060_3d07;
const SYS_OFFSET_PRECISE: u64 = 0xc040_3d08;
const SYS_OFFSET_EXTENDED: u64 = 0xc4c0_3d09;

/// The line of a call on descriptor -1, without the padding before ` = `.
fn call(code: u64, arg: u64, mem: &FakeMemory, outcome: Outcome) -> String {
    let l = line(NR_IOCTL, [-1i64 as u64, code, arg, 0, 0, 0], mem, outcome);
    match l.rsplit_once(" = ") {
        Some((call, ret)) => format!("{} = {ret}", call.trim_end()),
        None => l,
    }
}

/// A `struct ptp_clock_time`.
fn time(sec: i64, nsec: u32, reserved: u32) -> Vec<u8> {
    let mut v = sec.to_ne_bytes().to_vec();
    v.extend(words32(&[nsec, reserved]));
    v
}

#[test]
fn ptp_requests_at_entry() {
    let mut perout = time(1, 5, 0);
    perout.extend(time(2, 0, 7));
    perout.extend(words32(&[3, 0x2, 0, 0, 0, 0]));
    let mut phase = perout.clone();
    phase[36..40].copy_from_slice(&words32(&[0x4 | 0x100]));
    phase[40..56].copy_from_slice(&words32(&[0, 0, 9, 0]));
    let mut pin = vec![0u8; 64];
    pin.extend(words32(&[4, 2, 5, 0, 0, 0, 0, 1]));
    let mem = FakeMemory::new()
        .with(0x1000, &words32(&[7, 0xb, 0, 1]))
        .with(0x2000, &perout)
        .with(0x3000, &phase)
        .with(0x4000, &pin);
    let err = Outcome::Err(EBADF);
    assert_eq!(
        call(EXTTS_REQUEST2, 0x1000, &mem, err),
        "ioctl(-1, PTP_EXTTS_REQUEST2, {index=7, flags=PTP_ENABLE_FEATURE|PTP_RISING_EDGE|\
         PTP_STRICT_FLAGS, rsv=[0, 0x1]}) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(PEROUT_REQUEST2, 0x2000, &mem, err),
        "ioctl(-1, PTP_PEROUT_REQUEST2, {start={sec=1, nsec=5} /* 1970-01-01T00:00:01.000000005\
         +0000 */, period={sec=2, nsec=0, reserved=0x7}, index=3, flags=PTP_PEROUT_DUTY_CYCLE, \
         on={sec=0, nsec=0}}) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(PEROUT_REQUEST2, 0x3000, &mem, err),
        "ioctl(-1, PTP_PEROUT_REQUEST2, {phase={sec=1, nsec=5}, period={sec=2, nsec=0, \
         reserved=0x7}, index=3, flags=PTP_PEROUT_PHASE|0x100, rsv=[0, 0, 0x9, 0]}) \
         = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(PIN_SETFUNC, 0x4000, &mem, err),
        "ioctl(-1, PTP_PIN_SETFUNC, {index=4, func=PTP_PF_PEROUT, chan=5}) \
         = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(ENABLE_PPS, 1, &mem, err),
        "ioctl(-1, PTP_ENABLE_PPS, 0x1) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(EXTTS_REQUEST2, 0, &mem, err),
        "ioctl(-1, PTP_EXTTS_REQUEST2, NULL) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(EXTTS_REQUEST2, 0x9000, &mem, err),
        "ioctl(-1, PTP_EXTTS_REQUEST2, 0x9000) = -1 EBADF (Bad file descriptor)"
    );
}

#[test]
fn ptp_requests_at_exit() {
    let mut caps = words32(&[1, 2, 3, 4, 5, 6, 7, 8]);
    caps.extend(words32(&[0; 11]));
    caps.extend(words32(&[0xff]));
    let mut sysoff = words32(&[1, 0, 0, 0]);
    sysoff.extend(time(2_000_000_000, 1, 0));
    sysoff.extend(time(3, 1_000_000_000, 0));
    sysoff.extend(time(-1, 2, 0));
    let mut ext = words32(&[1, 0, 0, 0]);
    for s in [1, 2, 3] {
        ext.extend(time(s, 0, 0));
    }
    let mut precise = time(1, 0, 0);
    precise.extend(time(0, 0, 0));
    precise.extend(time(5, 0, 0));
    precise.extend(words32(&[0; 4]));
    let mut pin = b"pin0".to_vec();
    pin.resize(64, 0);
    pin.extend(words32(&[4, 1, 5, 0, 0, 0, 0, 2]));
    let mem = FakeMemory::new()
        .with(0x1000, &caps)
        .with(0x2000, &sysoff)
        .with(0x3000, &ext)
        .with(0x4000, &precise)
        .with(0x5000, &pin);
    let (ok, err) = (Outcome::Ok(0), Outcome::Err(EBADF));
    assert_eq!(
        call(GETCAPS, 0x1000, &mem, ok),
        "ioctl(-1, PTP_CLOCK_GETCAPS, {max_adj=1, n_alarm=2, n_ext_ts=3, n_per_out=4, pps=5, \
         n_pins=6, cross_timestamping=7, adjust_phase=8, rsv=[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, \
         0, 0xff]}) = 0"
    );
    assert_eq!(
        call(GETCAPS, 0x1000, &mem, err),
        "ioctl(-1, PTP_CLOCK_GETCAPS, 0x1000) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(SYS_OFFSET, 0x2000, &mem, ok),
        "ioctl(-1, PTP_SYS_OFFSET, {n_samples=1, ts=[{sec=2000000000, nsec=1} /* \
         2033-05-18T03:33:20.000000001+0000 */, {sec=3, nsec=1000000000}, {sec=-1, nsec=2} \
         /* 1969-12-31T23:59:59.000000002+0000 */]}) = 0"
    );
    assert_eq!(
        call(SYS_OFFSET, 0x2000, &mem, err),
        "ioctl(-1, PTP_SYS_OFFSET, {n_samples=1}) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(SYS_OFFSET_EXTENDED, 0x3000, &mem, ok),
        "ioctl(-1, PTP_SYS_OFFSET_EXTENDED, {n_samples=1, ts=[[{sec=1, nsec=0} /* \
         1970-01-01T00:00:01+0000 */, {sec=2, nsec=0} /* 1970-01-01T00:00:02+0000 */, \
         {sec=3, nsec=0} /* 1970-01-01T00:00:03+0000 */]]}) = 0"
    );
    assert_eq!(
        call(SYS_OFFSET_PRECISE, 0x4000, &mem, ok),
        "ioctl(-1, PTP_SYS_OFFSET_PRECISE, {device={sec=1, nsec=0} /* \
         1970-01-01T00:00:01+0000 */, sys_realtime={sec=0, nsec=0}, \
         sys_monoraw={sec=5, nsec=0}}) = 0"
    );
    assert_eq!(
        call(PIN_GETFUNC2, 0x5000, &mem, ok),
        "ioctl(-1, PTP_PIN_GETFUNC2, {index=4, rsv=[0, 0, 0, 0, 0x2], name=\"pin0\", \
         func=PTP_PF_EXTTS, chan=5}) = 0"
    );
    assert_eq!(
        call(PIN_GETFUNC2, 0x5000, &mem, err),
        "ioctl(-1, PTP_PIN_GETFUNC2, {index=4, rsv=[0, 0, 0, 0, 0x2]}) \
         = -1 EBADF (Bad file descriptor)"
    );
    let quiet = DecodeOpts {
        verbose: false,
        ..DecodeOpts::default()
    };
    let args = [3, GETCAPS, 0x1000, 0, 0, 0];
    assert_eq!(
        render_call(NR_IOCTL, args, [&mem, &mem], quiet, None, |_| {}, ok),
        "ioctl(3, PTP_CLOCK_GETCAPS, 0x1000)     = 0"
    );
}
