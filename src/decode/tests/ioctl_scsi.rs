//! strace's scsi.c requests: ints, the first request of SG_GET_REQUEST_TABLE and
//! SG_GET_SCSI_ID's struct (`[ioctl_args]` rows), SG_SCSI_RESET and SG_IO's interface id
//! (`decode/ioctl_scsi.rs`).

use super::*;

const SG_SET_TIMEOUT: u64 = 0x2201;
const SG_GET_SCSI_ID: u64 = 0x2276;
const SG_SCSI_RESET: u64 = 0x2284;
const SG_IO: u64 = 0x2285;
const SG_GET_REQUEST_TABLE: u64 = 0x2286;

/// The line of a call on descriptor -1, without the padding before ` = `.
fn ebadf(code: u64, arg: u64, mem: &FakeMemory) -> String {
    let l = line(
        NR_IOCTL,
        [-1i64 as u64, code, arg, 0, 0, 0],
        mem,
        Outcome::Err(EBADF),
    );
    match l.rsplit_once(" = ") {
        Some((call, ret)) => format!("{} = {ret}", call.trim_end()),
        None => l,
    }
}

#[test]
fn scsi_generic_requests() {
    let mut info = vec![1, 0xff, 0, 2];
    info.extend(ints(&[-3]));
    info.extend(0x1234u64.to_ne_bytes());
    info.extend(ints(&[100, 0]));
    let mem = FakeMemory::new()
        .with(0x1000, &ints(&[-5]))
        .with(0x2000, &words32(&[0x102]))
        .with(0x3000, &words32(&[0xface_feed]))
        .with(0x4000, &words32(&[0x53]))
        .with(0x5000, &info)
        .with(0x6000, &ints(&[1, 2, 3, 4, 5, 0x0007_0006]));
    let e = " = -1 EBADF (Bad file descriptor)";
    assert_eq!(
        ebadf(SG_SET_TIMEOUT, 0x1000, &mem),
        format!("ioctl(-1, SG_SET_TIMEOUT, [-5]){e}")
    );
    assert_eq!(
        ebadf(SG_SCSI_RESET, 0x2000, &mem),
        format!("ioctl(-1, SG_SCSI_RESET, [SG_SCSI_RESET_NO_ESCALATE|SG_SCSI_RESET_BUS]){e}")
    );
    assert_eq!(
        ebadf(SG_SCSI_RESET, 0x3000, &mem),
        format!("ioctl(-1, SG_SCSI_RESET, [0xfacefeed /* SG_SCSI_RESET_??? */]){e}")
    );
    assert_eq!(
        ebadf(SG_SCSI_RESET, 0, &mem),
        format!("ioctl(-1, SG_SCSI_RESET, NULL){e}")
    );
    // SG_IO: an unknown interface id in brackets; a v3 header (not decoded) its address.
    assert_eq!(
        ebadf(SG_IO, 0x1000, &mem),
        format!("ioctl(-1, SG_IO, [4294967291]){e}")
    );
    assert_eq!(
        ebadf(SG_IO, 0x4000, &mem),
        format!("ioctl(-1, SG_IO, 0x4000){e}")
    );
    assert_eq!(ebadf(SG_IO, 0, &mem), format!("ioctl(-1, SG_IO, NULL){e}"));
    assert_eq!(
        line(
            NR_IOCTL,
            [3, SG_GET_REQUEST_TABLE, 0x5000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, SG_GET_REQUEST_TABLE, {req_state=1, orphan=-1, sg_io_owned=0, problem=2, pack_id=-3, usr_ptr=0x1234, duration=100}) = 0"
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [3, SG_GET_SCSI_ID, 0x6000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, SG_GET_SCSI_ID, {host_no=1, channel=2, scsi_id=0x3, lun=4, scsi_type=0x5, h_cmd_per_lun=6, d_queue_depth=7}) = 0"
    );
}
