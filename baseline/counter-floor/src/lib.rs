//! `examples/counter` written directly on the host functions (`casper_contract::ext_ffi`): the
//! floor the benchmark measures the DSL against. No allocator, no casper-types at run time;
//! values are encoded on the stack at their fixed sizes and the entry-point table is serialized
//! at build time (`build.rs`).
//!
//! Same behaviour as the example: the installer refuses an account that already holds
//! `counter_package_hash` (`ApiError::User(65533)`), creates the package and a version with the
//! same entry-point table, with `count` (a URef holding `start`) and `owner` (the installing
//! account) in the contract's named keys, and keeps `counter_package_hash`,
//! `counter_access_uref` and `counter_contract_hash` in the account. `increment(by) -> u64`
//! reverts with the panic code (`User(65535)`) on overflow, `get() -> u64`, `reset` for the
//! owner only (`User(1)` for anyone else), `checkpoint(label: Option<String>)` saves the count
//! under a new contract named key (`checkpoint` by default). Not covered: the example's upgrade
//! path, and labels longer than [`LABEL_CAPACITY`] bytes.
// `no_std` on wasm; a host build (`cargo build --workspace`) links `std`'s panic handler.
#![cfg_attr(target_arch = "wasm32", no_std)]

use core::mem::MaybeUninit;

use casper_contract::ext_ffi;

/// `ApiError::User(code)` as the host takes it.
const fn user(code: u16) -> u32 {
    65_536 + code as u32
}
/// `ApiError::None`: what the example's `unwrap_or_revert` on a missing key raises.
const NONE: u32 = 1;
/// `ApiError::MissingArgument`.
const MISSING_ARGUMENT: u32 = 2;
/// `ApiError::InvalidArgument`.
const INVALID_ARGUMENT: u32 = 3;
/// `ApiError::Read`: a stored value that does not decode.
const READ: u32 = 5;
/// `ApiError::MissingKey`.
const MISSING_KEY: i32 = 24;
const NOT_OWNER: u32 = user(1);
const PANIC: u32 = user(u16::MAX);
const ALREADY_INSTALLED: u32 = user(u16::MAX - 2);

/// The entry-point table, serialized by `build.rs`.
const ENTRY_POINTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/entry_points.bin"));

// Named keys, serialized as the host reads names: a `u32` length, then the bytes.
const COUNT: &[u8] = b"\x05\x00\x00\x00count";
const OWNER: &[u8] = b"\x05\x00\x00\x00owner";
const DEFAULT_CHECKPOINT: &[u8] = b"\x0a\x00\x00\x00checkpoint";
const PACKAGE_HASH_KEY: &[u8] = b"\x14\x00\x00\x00counter_package_hash";
const ACCESS_UREF_KEY: &[u8] = b"\x13\x00\x00\x00counter_access_uref";
const CONTRACT_HASH_KEY: &[u8] = b"\x15\x00\x00\x00counter_contract_hash";

// `Key` tags and the access rights of a new URef.
const ACCOUNT_TAG: u8 = 0;
const HASH_TAG: u8 = 1;
const UREF_TAG: u8 = 2;
const READ_ADD_WRITE: u8 = 7;
/// A serialized `Key::URef`: tag, address, access rights.
type UrefKey = [u8; 34];
/// `CLType::U64`'s tag.
const U64_TAG: u8 = 5;
/// A `u64` as a serialized `CLValue`: length 8, the value, its type.
type U64Value = [u8; 13];

/// The longest `checkpoint` label, in bytes, this module reads.
pub const LABEL_CAPACITY: usize = 1_024;

/// casper-contract links `alloc`, so the module must name an allocator; this one refuses every
/// allocation, and nothing here allocates.
#[cfg(target_arch = "wasm32")]
struct NoAllocation;

#[cfg(target_arch = "wasm32")]
// SAFETY: returning null is how an allocator reports failure.
unsafe impl core::alloc::GlobalAlloc for NoAllocation {
    unsafe fn alloc(&self, _: core::alloc::Layout) -> *mut u8 {
        core::ptr::null_mut()
    }

    unsafe fn dealloc(&self, _: *mut u8, _: core::alloc::Layout) {}
}

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: NoAllocation = NoAllocation;

#[cfg(target_arch = "wasm32")]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    revert(PANIC)
}

fn revert(code: u32) -> ! {
    // SAFETY: the host function takes a plain status code.
    unsafe { ext_ffi::casper_revert(code) }
}

/// Reverts with the host's status unless it reports success.
fn check(status: i32) {
    if status != 0 {
        revert(status as u32);
    }
}

/// The runtime argument `name`, written by the host at `buffer` (room for `capacity` bytes):
/// its length, or `None` if it is absent.
fn arg(name: &[u8], buffer: *mut u8, capacity: usize) -> Option<usize> {
    let mut size = 0usize;
    // SAFETY: the host reads `name` and writes one `usize`.
    let status =
        unsafe { ext_ffi::casper_get_named_arg_size(name.as_ptr(), name.len(), &mut size) };
    if status == MISSING_ARGUMENT as i32 {
        return None;
    }
    check(status);
    if size > capacity {
        revert(INVALID_ARGUMENT);
    }
    // SAFETY: the host writes `size` bytes, which fit in the buffer.
    check(unsafe { ext_ffi::casper_get_named_arg(name.as_ptr(), name.len(), buffer, size) });
    Some(size)
}

/// The required `u64` argument `name`.
fn u64_arg(name: &[u8]) -> u64 {
    let mut bytes = [0u8; 8];
    match arg(name, bytes.as_mut_ptr(), bytes.len()) {
        Some(8) => u64::from_le_bytes(bytes),
        Some(_) => revert(INVALID_ARGUMENT),
        None => revert(MISSING_ARGUMENT),
    }
}

/// The key under the serialized name `name`, into `key`: its length (the example reverts with
/// `ApiError::None` when there is none).
fn get_key(name: &[u8], key: &mut [u8]) -> usize {
    let mut written = 0usize;
    // SAFETY: the host reads `name` and writes at most `key.len()` bytes and one `usize`.
    let status = unsafe {
        ext_ffi::casper_get_key(
            name.as_ptr(),
            name.len(),
            key.as_mut_ptr(),
            key.len(),
            &mut written,
        )
    };
    if status == MISSING_KEY {
        revert(NONE);
    }
    check(status);
    written
}

fn put_key(name: &[u8], key: &[u8]) {
    // SAFETY: the host reads both buffers within their lengths.
    unsafe { ext_ffi::casper_put_key(name.as_ptr(), name.len(), key.as_ptr(), key.len()) }
}

/// The count's URef, as a serialized `Key`.
fn count_key() -> UrefKey {
    let mut key = [0u8; 34];
    if get_key(COUNT, &mut key) != key.len() || key[0] != UREF_TAG {
        revert(NONE);
    }
    key
}

fn u64_value(value: u64) -> U64Value {
    let mut bytes = [0u8; 13];
    bytes[0] = 8;
    bytes[4..12].copy_from_slice(&value.to_le_bytes());
    bytes[12] = U64_TAG;
    bytes
}

fn read(key: &UrefKey) -> u64 {
    let mut size = 0usize;
    // SAFETY: the host reads the key and writes one `usize`.
    check(unsafe { ext_ffi::casper_read_value(key.as_ptr(), key.len(), &mut size) });
    // The host buffer holds the value's bytes, without its `CLValue` framing.
    let mut count = [0u8; 8];
    if size != count.len() {
        revert(READ);
    }
    let mut written = 0usize;
    // SAFETY: the host writes the 8 bytes it holds.
    check(unsafe {
        ext_ffi::casper_read_host_buffer(count.as_mut_ptr(), count.len(), &mut written)
    });
    u64::from_le_bytes(count)
}

fn write(key: &UrefKey, value: u64) {
    let value = u64_value(value);
    // SAFETY: the host reads both buffers within their lengths.
    unsafe { ext_ffi::casper_write(key.as_ptr(), key.len(), value.as_ptr(), value.len()) }
}

/// A new URef holding `value`, as a serialized `Key`.
fn new_uref(value: u64) -> UrefKey {
    let value = u64_value(value);
    let mut key = [0u8; 34];
    key[0] = UREF_TAG;
    // SAFETY: the host reads the value and writes a 33-byte URef after the tag.
    unsafe { ext_ffi::casper_new_uref(key[1..].as_mut_ptr(), value.as_ptr(), value.len()) };
    key
}

/// The calling account's hash.
fn caller() -> [u8; 32] {
    // casper-execution-engine 8.1.1 writes this size as its own eight-byte `usize`.
    let mut size = 0u64;
    // SAFETY: the host writes eight bytes.
    check(unsafe { ext_ffi::casper_get_caller((&raw mut size).cast()) });
    let mut account = [0u8; 32];
    let mut written = 0usize;
    // SAFETY: the host writes the 32-byte account hash it holds.
    check(unsafe {
        ext_ffi::casper_read_host_buffer(account.as_mut_ptr(), account.len(), &mut written)
    });
    account
}

fn ret(value: u64) -> ! {
    let value = u64_value(value);
    // SAFETY: the host reads the value within its length.
    unsafe { ext_ffi::casper_ret(value.as_ptr(), value.len()) }
}

#[no_mangle]
pub extern "C" fn increment() {
    let by = u64_arg(b"by");
    let count = count_key();
    let next = read(&count)
        .checked_add(by)
        .unwrap_or_else(|| revert(PANIC));
    write(&count, next);
    ret(next);
}

#[no_mangle]
pub extern "C" fn get() {
    ret(read(&count_key()));
}

#[no_mangle]
pub extern "C" fn reset() {
    let mut owner = [0u8; 33];
    let written = get_key(OWNER, &mut owner);
    if written != owner.len() || owner[0] != ACCOUNT_TAG || owner[1..] != caller() {
        revert(NOT_OWNER);
    }
    write(&count_key(), 0);
}

#[no_mangle]
pub extern "C" fn checkpoint() {
    // An `Option<String>`: a tag, then the serialized name, which is how the host reads one.
    // Not zeroed first (a loop the host would charge per byte): only the bytes the host wrote
    // are read.
    let mut buffer = MaybeUninit::<[u8; 1 + 4 + LABEL_CAPACITY]>::uninit();
    let start = buffer.as_mut_ptr().cast::<u8>();
    let label = match arg(b"label", start, LABEL_CAPACITY + 5) {
        // SAFETY: the host initialised the first `size` bytes.
        Some(size) => unsafe { core::slice::from_raw_parts(start, size) },
        None => &[0],
    };
    let name = match label {
        [0] => DEFAULT_CHECKPOINT,
        [1, l0, l1, l2, l3, text @ ..]
            if u32::from_le_bytes([*l0, *l1, *l2, *l3]) as usize == text.len()
                && core::str::from_utf8(text).is_ok() =>
        {
            &label[1..]
        }
        _ => revert(INVALID_ARGUMENT),
    };
    let saved = new_uref(read(&count_key()));
    put_key(name, &saved);
}

/// The installer.
#[no_mangle]
pub extern "C" fn call() {
    let start = u64_arg(b"start");
    let mut existing = [0u8; 33];
    let mut written = 0usize;
    // SAFETY: as in `get_key`; a missing key is the expected case here.
    let status = unsafe {
        ext_ffi::casper_get_key(
            PACKAGE_HASH_KEY.as_ptr(),
            PACKAGE_HASH_KEY.len(),
            existing.as_mut_ptr(),
            existing.len(),
            &mut written,
        )
    };
    if status == 0 {
        revert(ALREADY_INSTALLED);
    }
    let mut package = [0u8; 33];
    let mut access = [0u8; 34];
    package[0] = HASH_TAG;
    access[0] = UREF_TAG;
    // SAFETY: the host writes a 32-byte package hash and a 32-byte access URef address.
    unsafe {
        ext_ffi::casper_create_contract_package_at_hash(
            package[1..].as_mut_ptr(),
            access[1..].as_mut_ptr(),
            false,
        )
    };
    access[33] = READ_ADD_WRITE;
    put_key(PACKAGE_HASH_KEY, &package);
    put_key(ACCESS_UREF_KEY, &access);

    // The contract's named keys, in name order: `count`, then `owner`.
    let count = new_uref(start);
    let mut named_keys = [0u8; 4 + 9 + 34 + 9 + 33];
    named_keys[0] = 2;
    named_keys[4..13].copy_from_slice(COUNT);
    named_keys[13..47].copy_from_slice(&count);
    named_keys[47..56].copy_from_slice(OWNER);
    named_keys[56] = ACCOUNT_TAG;
    named_keys[57..].copy_from_slice(&caller());
    let no_topics = [0u8; 4];
    let mut version = 0u32;
    let mut contract = [0u8; 33];
    contract[0] = HASH_TAG;
    // SAFETY: the host reads each buffer within its length and writes the 32-byte contract
    // hash and the version.
    check(unsafe {
        ext_ffi::casper_add_contract_version_with_message_topics(
            package[1..].as_ptr(),
            32,
            // Declared `*const`, but the host writes the new version's number there.
            (&raw mut version).cast_const(),
            ENTRY_POINTS.as_ptr(),
            ENTRY_POINTS.len(),
            named_keys.as_ptr(),
            named_keys.len(),
            no_topics.as_ptr(),
            no_topics.len(),
            contract[1..].as_mut_ptr(),
            32,
        )
    });
    put_key(CONTRACT_HASH_KEY, &contract);
}
