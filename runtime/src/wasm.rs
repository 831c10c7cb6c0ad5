//! What a `no_std` Wasm contract needs from its runtime: a panic handler and an allocator.

use core::{arch::wasm32, ptr};

use crate::{
    allocator::{BumpAllocator, Memory, PAGE_SIZE},
    errors,
};

#[panic_handler]
fn panic(_info: &core::panic::PanicInfo) -> ! {
    errors::revert(errors::PANIC)
}

extern "C" {
    /// First byte after the stack and static data, provided by the linker.
    static __heap_base: u8;
}

/// The module's linear memory (memory 0), from the heap's start.
struct LinearMemory;

impl Memory for LinearMemory {
    #[inline(always)]
    fn heap_base(&self) -> usize {
        ptr::addr_of!(__heap_base) as usize
    }

    #[inline(always)]
    fn end(&self) -> usize {
        wasm32::memory_size(0) * PAGE_SIZE
    }

    #[inline(always)]
    fn grow(&self, pages: usize) -> bool {
        wasm32::memory_grow(0, pages) != usize::MAX
    }
}

// SAFETY: a Casper contract is single-threaded.
unsafe impl Sync for BumpAllocator<LinearMemory> {}

#[global_allocator]
static ALLOCATOR: BumpAllocator<LinearMemory> = BumpAllocator::new(LinearMemory);
