//! Small ioctl families as strace 6.1 decodes them: userfaultfd (`UFFDIO_*`, [ioctl_args]'s
//! `in_then_out` structs and `decode/ioctl_uffdio.rs`), perf events (`PERF_EVENT_IOC_*`), TEE (`TEE_IOC_*`), MTD and UBI.

use super::*;

const UFFDIO_API: u64 = 0xc018_aa3f;
const UFFDIO_REGISTER: u64 = 0xc020_aa00;
const UFFDIO_UNREGISTER: u64 = 0x8010_aa01;
const UFFDIO_COPY: u64 = 0xc028_aa03;
const UFFDIO_ZEROPAGE: u64 = 0xc020_aa04;
const UFFDIO_WRITEPROTECT: u64 = 0xc018_aa06;

/// The line of a call on descriptor 3, without the padding before ` = `.
fn call(code: u64, arg: u64, mem: &FakeMemory, outcome: Outcome) -> String {
    call_changed(code, arg, [mem, mem], outcome)
}

/// As [`call`], the kernel leaving `after` where the entry read `before`.
fn call_changed(code: u64, arg: u64, mems: [&FakeMemory; 2], outcome: Outcome) -> String {
    let args = [3, code, arg, 0, 0, 0];
    let l = render_call(
        NR_IOCTL,
        args,
        mems,
        DecodeOpts::default(),
        None,
        |_| {},
        outcome,
    );
    match l.rsplit_once(" = ") {
        Some((call, ret)) => format!("{} = {ret}", call.trim_end()),
        None => l,
    }
}

#[test]
fn uffdio_structs_grow_at_a_successful_exit() {
    let mem = FakeMemory::new()
        .with(0x1000, &words(&[0x7000, 0x1000, 0x1, 0x1c | 0x100]))
        .with(
            0x2000,
            &words(&[0x7000, 0x8000, 0x1000, 0xdead_beef, 0x1000]),
        )
        .with(0x3000, &words(&[0x7000, 0x1000, 0x1, 0x1000]))
        .with(0x4000, &words(&[0x7000, 0x1000]));
    let (ok, err) = (Outcome::Ok(0), Outcome::Err(EINVAL));
    assert_eq!(
        call(UFFDIO_REGISTER, 0x1000, &mem, ok),
        "ioctl(3, UFFDIO_REGISTER, {range={start=0x7000, len=0x1000}, \
         mode=UFFDIO_REGISTER_MODE_MISSING, ioctls=1<<_UFFDIO_WAKE|1<<_UFFDIO_COPY|\
         1<<_UFFDIO_ZEROPAGE|0x100}) = 0"
    );
    assert_eq!(
        call(UFFDIO_REGISTER, 0x1000, &mem, err),
        "ioctl(3, UFFDIO_REGISTER, {range={start=0x7000, len=0x1000}, \
         mode=UFFDIO_REGISTER_MODE_MISSING}) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        call(UFFDIO_COPY, 0x2000, &mem, err),
        "ioctl(3, UFFDIO_COPY, {dst=0x7000, src=0x8000, len=0x1000, mode=UFFDIO_COPY_MODE_DONTWAKE|\
         UFFDIO_COPY_MODE_WP|0xdeadbeec}) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        call(UFFDIO_COPY, 0x2000, &mem, ok),
        "ioctl(3, UFFDIO_COPY, {dst=0x7000, src=0x8000, len=0x1000, mode=UFFDIO_COPY_MODE_DONTWAKE|\
         UFFDIO_COPY_MODE_WP|0xdeadbeec, copy=0x1000}) = 0"
    );
    assert_eq!(
        call(UFFDIO_ZEROPAGE, 0x3000, &mem, ok),
        "ioctl(3, UFFDIO_ZEROPAGE, {range={start=0x7000, len=0x1000}, \
         mode=UFFDIO_ZEROPAGE_MODE_DONTWAKE, zeropage=0x1000}) = 0"
    );
    assert_eq!(
        call(UFFDIO_UNREGISTER, 0x4000, &mem, err),
        "ioctl(3, UFFDIO_UNREGISTER, {start=0x7000, len=0x1000}) = -1 EINVAL (Invalid argument)"
    );
    // NULL, unreadable; a request strace 6.1 does not decode, in hex.
    assert_eq!(
        call(UFFDIO_COPY, 0, &mem, err),
        "ioctl(3, UFFDIO_COPY, NULL) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        call(UFFDIO_ZEROPAGE, 0x9000, &mem, err),
        "ioctl(3, UFFDIO_ZEROPAGE, 0x9000) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        call(UFFDIO_WRITEPROTECT, 0x4000, &mem, ok),
        "ioctl(3, UFFDIO_WRITEPROTECT, 0x4000) = 0"
    );
}

#[test]
fn uffdio_api_shows_changed_features_and_keeps_the_entry_values() {
    let before = FakeMemory::new()
        .with(0x1000, &words(&[0xaa, 0, 0]))
        .with(0x2000, &words(&[0xbad, 0x1_0000_0001, 0]));
    let after = FakeMemory::new()
        .with(0x1000, &words(&[0xaa, 0x1_e003, 0x8000_0000_0000_0003]))
        // The kernel zeroes the struct of a failed call.
        .with(0x2000, &words(&[0, 0, 0]));
    assert_eq!(
        call_changed(UFFDIO_API, 0x1000, [&before, &after], Outcome::Ok(0)),
        "ioctl(3, UFFDIO_API, {api=0xaa, features=0 => features=UFFD_FEATURE_PAGEFAULT_FLAG_WP|\
         UFFD_FEATURE_EVENT_FORK|0x1e000, ioctls=1<<_UFFDIO_REGISTER|1<<_UFFDIO_UNREGISTER|\
         1<<_UFFDIO_API}) = 0"
    );
    assert_eq!(
        call_changed(UFFDIO_API, 0x2000, [&before, &after], Outcome::Err(EINVAL)),
        "ioctl(3, UFFDIO_API, {api=0xbad, features=UFFD_FEATURE_PAGEFAULT_FLAG_WP|0x100000000}) \
         = -1 EINVAL (Invalid argument)"
    );
    // Features the kernel left as they were show once.
    assert_eq!(
        call(UFFDIO_API, 0x1000, &after, Outcome::Ok(0)),
        "ioctl(3, UFFDIO_API, {api=0xaa, features=UFFD_FEATURE_PAGEFAULT_FLAG_WP|\
         UFFD_FEATURE_EVENT_FORK|0x1e000, ioctls=1<<_UFFDIO_REGISTER|1<<_UFFDIO_UNREGISTER|\
         1<<_UFFDIO_API}) = 0"
    );
    assert_eq!(
        call(UFFDIO_API, 0, &after, Outcome::Err(EFAULT)),
        "ioctl(3, UFFDIO_API, NULL) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        call(UFFDIO_API, 0x9000, &after, Outcome::Err(EFAULT)),
        "ioctl(3, UFFDIO_API, 0x9000) = -1 EFAULT (Bad address)"
    );
}

const PERF_EVENT_IOC_ENABLE: u64 = 0x2400;
const PERF_EVENT_IOC_REFRESH: u64 = 0x2402;
const PERF_EVENT_IOC_PERIOD: u64 = 0x4008_2404;
const PERF_EVENT_IOC_SET_FILTER: u64 = 0x4008_2406;
const PERF_EVENT_IOC_ID: u64 = 0x8008_2407;
const PERF_EVENT_IOC_PAUSE_OUTPUT: u64 = 0x4004_2409;
const PERF_EVENT_IOC_QUERY_BPF: u64 = 0xc008_240a;
const PERF_EVENT_IOC_MODIFY_ATTRIBUTES: u64 = 0x4008_240b;

#[test]
fn perf_requests() {
    let mem = FakeMemory::new()
        .with(0x1000, &words(&[7]))
        .with(0x2000, b"cpu\0")
        .with(0x3000, &words32(&[3, 5, 11, 12]))
        .with(0x4000, &words32(&[3]));
    let (ok, err) = (Outcome::Ok(0), Outcome::Err(EBADF));
    let magic = 0xdead_beef_badc_0ded;
    assert_eq!(
        call(PERF_EVENT_IOC_ENABLE, magic, &mem, err),
        "ioctl(3, PERF_EVENT_IOC_ENABLE, PERF_IOC_FLAG_GROUP|0xbadc0dec) = -1 EBADF (Bad file \
         descriptor)"
    );
    assert_eq!(
        call(PERF_EVENT_IOC_ENABLE, 2, &mem, err),
        "ioctl(3, PERF_EVENT_IOC_ENABLE, 0x2 /* PERF_IOC_FLAG_??? */) = -1 EBADF (Bad file \
         descriptor)"
    );
    assert_eq!(
        call(PERF_EVENT_IOC_REFRESH, magic, &mem, ok),
        "ioctl(3, PERF_EVENT_IOC_REFRESH, -1159983635) = 0"
    );
    assert_eq!(
        call(PERF_EVENT_IOC_PAUSE_OUTPUT, magic, &mem, ok),
        "ioctl(3, PERF_EVENT_IOC_PAUSE_OUTPUT, 16045690984232390125) = 0"
    );
    assert_eq!(
        call(PERF_EVENT_IOC_PERIOD, 0x1000, &mem, err),
        "ioctl(3, PERF_EVENT_IOC_PERIOD, [7]) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(PERF_EVENT_IOC_SET_FILTER, 0x2000, &mem, err),
        "ioctl(3, PERF_EVENT_IOC_SET_FILTER, \"cpu\") = -1 EBADF (Bad file descriptor)"
    );
    // What the kernel writes: at a successful exit only.
    assert_eq!(
        call(PERF_EVENT_IOC_ID, 0x1000, &mem, err),
        "ioctl(3, PERF_EVENT_IOC_ID, 0x1000) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(PERF_EVENT_IOC_ID, 0x1000, &mem, ok),
        "ioctl(3, PERF_EVENT_IOC_ID, [7]) = 0"
    );
}

#[test]
fn perf_query_bpf_runs_to_the_count_the_kernel_wrote() {
    let mem = FakeMemory::new()
        .with(0x3ff0, &words32(&[3, 5, 11, 12]))
        .with(0x6ffc, &words32(&[3]))
        .with(0x5000, &words32(&[3, 2, 11, 12]));
    let (ok, err) = (Outcome::Ok(0), Outcome::Err(EBADF));
    assert_eq!(
        call(PERF_EVENT_IOC_QUERY_BPF, 0x3ff0, &mem, err),
        "ioctl(3, PERF_EVENT_IOC_QUERY_BPF, {ids_len=3, ...}) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(PERF_EVENT_IOC_QUERY_BPF, 0x3ff0, &mem, ok),
        "ioctl(3, PERF_EVENT_IOC_QUERY_BPF, {ids_len=3, prog_cnt=5, ids=[11, 12, ... /* 0x4000 \
         */]}) = 0"
    );
    assert_eq!(
        call(PERF_EVENT_IOC_QUERY_BPF, 0x5000, &mem, ok),
        "ioctl(3, PERF_EVENT_IOC_QUERY_BPF, {ids_len=3, prog_cnt=2, ids=[11, 12]}) = 0"
    );
    // `prog_cnt` unreadable.
    assert_eq!(
        call(PERF_EVENT_IOC_QUERY_BPF, 0x6ffc, &mem, ok),
        "ioctl(3, PERF_EVENT_IOC_QUERY_BPF, {ids_len=3, ...}) = 0"
    );
    assert_eq!(
        call(PERF_EVENT_IOC_QUERY_BPF, 0, &mem, ok),
        "ioctl(3, PERF_EVENT_IOC_QUERY_BPF, NULL) = 0"
    );
}

#[test]
fn perf_modify_attributes_shows_the_attr_at_entry() {
    // PERF_TYPE_SOFTWARE, PERF_ATTR_SIZE_VER0, config 2.
    let mut attr = words32(&[1, 64]);
    attr.extend(words(&[2, 0, 0, 0, 0, 0, 0]));
    let mem = FakeMemory::new().with(0x1000, &attr);
    let line = call(
        PERF_EVENT_IOC_MODIFY_ATTRIBUTES,
        0x1000,
        &mem,
        Outcome::Err(EBADF),
    );
    assert!(
        line.starts_with(
            "ioctl(3, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, {type=PERF_TYPE_SOFTWARE, \
             size=PERF_ATTR_SIZE_VER0, config=PERF_COUNT_SW_PAGE_FAULTS, "
        ),
        "{line}"
    );
    assert_eq!(
        call(
            PERF_EVENT_IOC_MODIFY_ATTRIBUTES,
            0x9000,
            &mem,
            Outcome::Err(EBADF)
        ),
        "ioctl(3, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, 0x9000) = -1 EBADF (Bad file descriptor)"
    );
}

const TEE_IOC_VERSION: u64 = 0x800c_a400;
const TEE_IOC_SHM_ALLOC: u64 = 0xc010_a401;
const TEE_IOC_OPEN_SESSION: u64 = 0x8010_a402;
const TEE_IOC_INVOKE: u64 = 0x8010_a403;
const TEE_IOC_CANCEL: u64 = 0x8008_a404;
const TEE_IOC_SUPPL_SEND: u64 = 0x8010_a407;
const TEE_IOC_SHM_REGISTER_FD: u64 = 0xc020_a408;

#[test]
fn tee_layouts_and_version() {
    let mem = FakeMemory::new()
        .with(0x1000, &words32(&[1, 1, 0x5]))
        .with(0x2000, &words32(&[2, 0xff, 0x10]))
        .with(0x3000, &words32(&[7, 0xbadc_0ded]))
        .with(0x4000, &words(&[0x1000, 0x3 | 0x80 | (5 << 32)]))
        .with(0x5000, &words(&[3, 0x1000, 0x2, 9]));
    let (ok, err) = (Outcome::Ok(0), Outcome::Err(EBADF));
    assert_eq!(
        call(TEE_IOC_VERSION, 0x1000, &mem, ok),
        "ioctl(3, TEE_IOC_VERSION, {impl_id=TEE_IMPL_ID_OPTEE, gen_caps=TEE_GEN_CAP_GP|\
         TEE_GEN_CAP_REG_MEM, impl_caps=TEE_OPTEE_CAP_TZ}) = 0"
    );
    assert_eq!(
        call(TEE_IOC_VERSION, 0x2000, &mem, ok),
        "ioctl(3, TEE_IOC_VERSION, {impl_id=TEE_IMPL_ID_AMDTEE, gen_caps=0x10 /* TEE_GEN_CAP_??? \
         */, impl_caps=0xff}) = 0"
    );
    assert_eq!(
        call(TEE_IOC_VERSION, 0x1000, &mem, err),
        "ioctl(3, TEE_IOC_VERSION, 0x1000) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(TEE_IOC_CANCEL, 0x3000, &mem, err),
        "ioctl(3, TEE_IOC_CANCEL, {cancel_id=7, session=0xbadc0ded}) = -1 EBADF (Bad file \
         descriptor)"
    );
    assert_eq!(
        call(TEE_IOC_SHM_ALLOC, 0x4000, &mem, ok),
        "ioctl(3, TEE_IOC_SHM_ALLOC, {size=0x1000, flags=TEE_IOCTL_SHM_MAPPED|\
         TEE_IOCTL_SHM_DMA_BUF|0x80} => {size=0x1000, flags=TEE_IOCTL_SHM_MAPPED|\
         TEE_IOCTL_SHM_DMA_BUF|0x80, id=5}) = 0"
    );
    assert_eq!(
        call(TEE_IOC_SHM_REGISTER_FD, 0x5000, &mem, ok),
        "ioctl(3, _IOC(_IOC_READ|_IOC_WRITE, 0xa4, 0x8, 0x20), {fd=3, \
         flags=TEE_IOCTL_SHM_DMA_BUF} => {size=0x1000, id=9}) = 0"
    );
    assert_eq!(
        call(TEE_IOC_SHM_REGISTER_FD, 0x5000, &mem, err),
        "ioctl(3, _IOC(_IOC_READ|_IOC_WRITE, 0xa4, 0x8, 0x20), {fd=3, \
         flags=TEE_IOCTL_SHM_DMA_BUF}) = -1 EBADF (Bad file descriptor)"
    );
}

/// A `struct tee_ioctl_param`.
fn tee_param(attr: u64, a: u64, b: u64, c: u64) -> Vec<u8> {
    words(&[attr, a, b, c])
}

#[test]
fn tee_buffers_show_their_struct_and_params() {
    // INVOKE: func, session, cancel_id, ret, ret_origin, num_params; two params.
    let mut invoke = words32(&[1, 0xbeef, 2, 0, 4, 2]);
    invoke.extend(tee_param(0x1 | 0x100, 0xa, 0xb, 0xc));
    invoke.extend(tee_param(5, 0x10, 0x20, 7));
    // OPEN_SESSION, no params, a login strace names no member for.
    let mut open = vec![0xde, 0xad, 0xbe, 0xef, 0xca, 0xfe, 0xc0, 0xde];
    open.extend([0xba, 0xdc, 0x0d, 0xed, 0xfa, 0xce, 0xfe, 0xed]);
    open.extend([0xd, 0xf0, 0xfe, 0xca, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    open.extend(words32(&[3, 9, 0x11, 0, 0, 0]));
    let mem = FakeMemory::new()
        .with(0x2000, &invoke)
        .with(0x1000, &words(&[0x2000, 24 + 64]))
        .with(0x4000, &words(&[0x2000, 24 + 32]))
        .with(0x5000, &words(&[0x3000, 56]))
        .with(0x6000, &words(&[0x2000, 2048]))
        .with(0x3000, &open);
    let (ok, err) = (Outcome::Ok(0), Outcome::Err(EBADF));
    let params = "params=[{attr=TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT|TEE_IOCTL_PARAM_ATTR_META, \
                  a=0xa, b=0xb, c=0xc}, {attr=TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT, \
                  shm_offs=0x10, size=0x20, shm_id=7}]";
    assert_eq!(
        call(TEE_IOC_INVOKE, 0x1000, &mem, err),
        format!(
            "ioctl(3, TEE_IOC_INVOKE, {{buf_len=88, buf_ptr={{func=1, session=0xbeef, \
             cancel_id=2, num_params=2, {params}}}}}) = -1 EBADF (Bad file descriptor)"
        )
    );
    assert_eq!(
        call(TEE_IOC_INVOKE, 0x1000, &mem, ok),
        format!(
            "ioctl(3, TEE_IOC_INVOKE, {{buf_len=88, buf_ptr={{func=1, session=0xbeef, \
             cancel_id=2, num_params=2, {params}}} => {{ret=0, \
             ret_origin=TEEC_ORIGIN_TRUSTED_APP, {params}}}}}) = 0"
        )
    );
    // A length that does not fit the params counted, one over TEE_MAX_ARG_SIZE.
    assert_eq!(
        call(TEE_IOC_INVOKE, 0x4000, &mem, err),
        "ioctl(3, TEE_IOC_INVOKE, {buf_len=56, buf_ptr=0x2000}) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(TEE_IOC_SUPPL_SEND, 0x6000, &mem, err),
        "ioctl(3, TEE_IOC_SUPPL_SEND, {buf_len=2048, buf_ptr=0x2000}) = -1 EBADF (Bad file \
         descriptor)"
    );
    assert_eq!(
        call(TEE_IOC_OPEN_SESSION, 0x5000, &mem, ok),
        "ioctl(3, TEE_IOC_OPEN_SESSION, {buf_len=56, buf_ptr={uuid=deadbeef-cafe-c0de-badc-\
         0dedfacefeed, clnt_login=0x3 /* TEE_IOCTL_LOGIN_??? */, clnt_uuid=[0xd, 0xf0, 0xfe, \
         0xca, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], cancel_id=9, num_params=0, params=NULL} => \
         {session=0x11, ret=0, ret_origin=0 /* TEEC_ORIGIN_??? */, params=NULL}}) = 0"
    );
}

const MEMGETINFO: u64 = 0x8020_4d01;
const MEMERASE64: u64 = 0x4010_4d14;
const MEMWRITE: u64 = 0xc030_4d18;
const MEMGETREGIONINFO: u64 = 0xc010_4d08;
const MEMGETOOBSEL: u64 = 0x80c8_4d0a;
const ECCGETLAYOUT: u64 = 0x8148_4d11;
const MTDFILEMODE: u64 = 0x4d13;

#[test]
fn mtd_layouts() {
    let mut info = vec![4, 0, 0, 0];
    info.extend(words32(&[
        0x400 | 0x1,
        0x100000,
        0x20000,
        0x800,
        0x40,
        0,
        0,
    ]));
    let mut write = words(&[0x1000, 0x200, 0x40, 0x7000, 0x8000]);
    write.extend([1, 0, 0, 0, 0, 0, 0, 0]);
    let mem = FakeMemory::new()
        .with(0x1000, &info)
        .with(0x2000, &words(&[0x1000, 0x2000]))
        .with(0x3000, &write)
        .with(0x4000, &words32(&[0x100, 0x2000, 8, 3]));
    let (ok, err) = (Outcome::Ok(0), Outcome::Err(EBADF));
    assert_eq!(
        call(MEMGETINFO, 0x1000, &mem, ok),
        "ioctl(3, MIXER_READ(1) or MEMGETINFO, {type=MTD_NANDFLASH, flags=MTD_WRITEABLE|0x1, \
         size=0x100000, erasesize=0x20000, writesize=0x800, oobsize=0x40, padding=0}) = 0"
    );
    assert_eq!(
        call(MEMGETINFO, 0x1000, &mem, err),
        "ioctl(3, MIXER_READ(1) or MEMGETINFO, 0x1000) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(MEMERASE64, 0x2000, &mem, err),
        "ioctl(3, MIXER_WRITE(20) or MEMERASE64, {start=0x1000, length=0x2000}) = -1 EBADF (Bad \
         file descriptor)"
    );
    assert_eq!(
        call(MEMWRITE, 0x3000, &mem, err),
        "ioctl(3, MEMWRITE, {start=0x1000, len=0x200, ooblen=0x40, usr_data=0x7000, \
         usr_oob=0x8000, mode=MTD_OPS_AUTO_OOB}) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(MTDFILEMODE, 3, &mem, err),
        "ioctl(3, MTDFILEMODE, MTD_FILE_MODE_RAW) = -1 EBADF (Bad file descriptor)"
    );
    // The index the caller gave shows first; what the kernel wrote after a success.
    assert_eq!(
        call(MEMGETREGIONINFO, 0x4000, &mem, err),
        "ioctl(3, MEMGETREGIONINFO, {regionindex=0x3}) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(MEMGETREGIONINFO, 0x4000, &mem, ok),
        "ioctl(3, MEMGETREGIONINFO, {regionindex=0x3, offset=0x100, erasesize=0x2000, \
         numblocks=0x8}) = 0"
    );
}

#[test]
fn mtd_member_arrays_stop_at_the_string_limit() {
    let mut oob = words32(&[2, 3]);
    oob.extend(words32(&(0..16).collect::<Vec<_>>()));
    oob.extend(words32(&(0..32).map(|i| i + 0x10).collect::<Vec<_>>()));
    let mut layout = words32(&[3]);
    layout.extend(words32(&(0..64).collect::<Vec<_>>()));
    layout.extend(words32(&[5, 1, 2]));
    layout.extend(vec![0u8; 56]);
    let mem = FakeMemory::new().with(0x1000, &oob).with(0x2000, &layout);
    let ok = Outcome::Ok(0);
    let eccpos: Vec<String> = (0x10..0x30).map(|i| format!("{i:#x}")).collect();
    assert_eq!(
        call(MEMGETOOBSEL, 0x1000, &mem, ok),
        format!(
            "ioctl(3, MIXER_READ(10) or MEMGETOOBSEL, {{useecc=MTD_NANDECC_AUTOPLACE, \
             eccbytes=0x3, oobfree=[[0, 0x1], [0x2, 0x3], [0x4, 0x5], [0x6, 0x7], [0x8, 0x9], \
             [0xa, 0xb], [0xc, 0xd], [0xe, 0xf]], eccpos=[{}]}}) = 0",
            eccpos.join(", ")
        )
    );
    let eccpos: Vec<String> = (0..32).map(|i| format!("{i:#x}")).collect();
    let eccpos = eccpos.join(", ").replacen("0x0", "0", 1);
    assert_eq!(
        call(ECCGETLAYOUT, 0x2000, &mem, ok),
        format!(
            "ioctl(3, MIXER_READ(17) or ECCGETLAYOUT, {{eccbytes=0x3, eccpos=[{eccpos}, ...], \
             oobavail=0x5, oobfree=[{{offset=0x1, length=0x2}}, {{offset=0, length=0}}, \
             {{offset=0, length=0}}, {{offset=0, length=0}}, {{offset=0, length=0}}, \
             {{offset=0, length=0}}, {{offset=0, length=0}}, {{offset=0, length=0}}]}}) = 0"
        )
    );
}

const UBI_IOCMKVOL: u64 = 0x4098_6f00;
const UBI_IOCRNVOL: u64 = 0x5110_6f03;
const UBI_IOCATT: u64 = 0x4018_6f40;
const UBI_IOCVOLUP: u64 = 0x4008_4f00;

#[test]
fn ubi_requests() {
    // vol_id, alignment, bytes, vol_type, flags, name_len, a name of 3 bytes and no NUL.
    let mut mkvol = words32(&[1, 2]);
    mkvol.extend(words(&[4096]));
    mkvol.extend([4, 1, 3, 0, 0, 0, 0, 0]);
    mkvol.extend(b"abcd");
    mkvol.resize(152, b'x');
    let mut rnvol = words32(&[2, 0, 0, 0]);
    for (id, name) in [(5u32, &b"one\0"[..]), (6, b"two!")] {
        let mut ent = words32(&[id]);
        ent.extend((name.len() as u16 - 1).to_ne_bytes());
        ent.extend([0, 0]);
        ent.extend(name);
        ent.resize(136, 0);
        rnvol.extend(ent);
    }
    rnvol.resize(16 + 32 * 136, 0);
    let mem = FakeMemory::new()
        .with(0x1000, &mkvol)
        .with(0x2000, &rnvol)
        .with(0x4000, &words32(&[0, 3, 2048, 0x20, 0, 0]))
        .with(0x5000, &words(&[-5i64 as u64]));
    let (ok, err) = (Outcome::Ok(0), Outcome::Err(EBADF));
    let entry = "{vol_id=1, alignment=2, bytes=4096, vol_type=UBI_STATIC_VOLUME, \
                 flags=UBI_VOL_SKIP_CRC_CHECK_FLG, name_len=3, name=\"abc\"...}";
    assert_eq!(
        call(UBI_IOCMKVOL, 0x1000, &mem, ok),
        format!("ioctl(3, UBI_IOCMKVOL, {entry} => [1]) = 0")
    );
    assert_eq!(
        call(UBI_IOCMKVOL, 0x1000, &mem, err),
        format!("ioctl(3, UBI_IOCMKVOL, {entry}) = -1 EBADF (Bad file descriptor)")
    );
    assert_eq!(
        call(UBI_IOCRNVOL, 0x2000, &mem, err),
        "ioctl(3, UBI_IOCRNVOL, {count=2, ents=[{vol_id=5, name_len=3, name=\"one\"}, {vol_id=6, \
         name_len=3, name=\"two\"...}]}) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        call(UBI_IOCATT, 0x4000, &mem, ok),
        "ioctl(3, UBI_IOCATT, {ubi_num=0, mtd_num=3, vid_hdr_offset=2048, max_beb_per1024=32} => \
         [0]) = 0"
    );
    assert_eq!(
        call(UBI_IOCVOLUP, 0x5000, &mem, err),
        "ioctl(3, UBI_IOCVOLUP, [-5]) = -1 EBADF (Bad file descriptor)"
    );
}
