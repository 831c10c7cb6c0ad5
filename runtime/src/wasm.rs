//! What a `no_std` Wasm contract needs from its runtime: a panic handler and an allocator.

use core::{
    alloc::{GlobalAlloc, Layout},
    arch::wasm32,
    cell::Cell,
    ptr,
};

use casper_contract::contract_api::runtime;

use crate::errors;

#[panic_handler]
fn panic(_info: &core::panic::PanicInfo) -> ! {
    runtime::revert(errors::PANIC)
}

/// A bump allocator: a contract call is short-lived, so memory is never reused, except that
/// freeing or growing the most recent allocation happens in place. Memory above everything
/// ever handed out is still zero (as instantiated or grown), so zeroed allocations there cost
/// nothing.
///
/// Chosen by measurement over general-purpose allocators (see README, "Allocator").
struct BumpAllocator {
    /// First free byte; 0 until the first allocation.
    next: Cell<usize>,
    /// End of the memory the module has so far.
    end: Cell<usize>,
    /// End of the highest allocation ever made: every byte above it is zero.
    touched: Cell<usize>,
}

// SAFETY: a Casper contract is single-threaded.
unsafe impl Sync for BumpAllocator {}

const PAGE_SIZE: usize = 65_536;

extern "C" {
    /// First byte after the stack and static data, provided by the linker.
    static __heap_base: u8;
}

impl BumpAllocator {
    fn start(&self) -> usize {
        if self.next.get() == 0 {
            self.next.set(ptr::addr_of!(__heap_base) as usize);
            self.end.set(wasm32::memory_size(0) * PAGE_SIZE);
        }
        self.next.get()
    }

    /// Makes `[.., new_next)` available, growing the memory if needed.
    fn reserve_until(&self, new_next: usize) -> bool {
        let end = self.end.get();
        if new_next > end {
            let pages = (new_next - end).div_ceil(PAGE_SIZE);
            if wasm32::memory_grow(0, pages) == usize::MAX {
                return false;
            }
            self.end.set(end + pages * PAGE_SIZE);
        }
        self.next.set(new_next);
        self.touched.set(self.touched.get().max(new_next));
        true
    }
}

unsafe impl GlobalAlloc for BumpAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let start = self.start().next_multiple_of(layout.align());
        match start.checked_add(layout.size()) {
            Some(new_next) if self.reserve_until(new_next) => start as *mut u8,
            _ => ptr::null_mut(),
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let clean_from = self.touched.get();
        // SAFETY: forwarded from the caller.
        let ptr = unsafe { self.alloc(layout) };
        let start = ptr as usize;
        if !ptr.is_null() && start < clean_from {
            let dirty = layout.size().min(clean_from - start);
            // SAFETY: `alloc` returned `layout.size()` writable bytes at `ptr`.
            unsafe { ptr::write_bytes(ptr, 0, dirty) };
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if ptr as usize + layout.size() == self.next.get() {
            self.next.set(ptr as usize);
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let start = ptr as usize;
        if start + layout.size() == self.next.get() {
            if self.reserve_until(start + new_size) {
                return ptr;
            }
        } else if new_size <= layout.size() {
            return ptr;
        }
        // SAFETY: forwarded from the caller; the default copies into a fresh block.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        let new_ptr = unsafe { self.alloc(new_layout) };
        if !new_ptr.is_null() {
            unsafe { ptr::copy_nonoverlapping(ptr, new_ptr, layout.size().min(new_size)) };
        }
        new_ptr
    }
}

#[global_allocator]
static ALLOCATOR: BumpAllocator = BumpAllocator {
    next: Cell::new(0),
    end: Cell::new(0),
    touched: Cell::new(0),
};
