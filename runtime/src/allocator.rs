//! The contract's allocator, apart from the memory it grows: `wasm` backs it with the module's
//! linear memory; the unit tests below with a region of the host's.
#![cfg(any(test, target_arch = "wasm32"))]

use core::{
    alloc::{GlobalAlloc, Layout},
    cell::Cell,
    ptr,
};

/// Size of a Wasm memory page: the unit memory grows by.
pub(crate) const PAGE_SIZE: usize = 65_536;

/// The memory a [`BumpAllocator`] hands out: a region from `heap_base()` to `end()` that can
/// grow at its end a page at a time, and reads zero wherever nothing was written yet (as Wasm
/// memory does when instantiated or grown).
pub(crate) trait Memory {
    /// The first byte the allocator may hand out. Asked once, at the first allocation.
    fn heap_base(&self) -> usize;

    /// The end of the memory so far. Asked once, at the first allocation (after `heap_base`).
    fn end(&self) -> usize;

    /// Adds `pages` pages at the end of the memory; `false` if it cannot grow that far.
    fn grow(&self, pages: usize) -> bool;
}

/// A bump allocator: a contract call is short-lived, so memory is never reused, except that
/// freeing or growing the most recent allocation happens in place. Memory above everything
/// ever handed out is still zero (as instantiated or grown), so zeroed allocations there cost
/// nothing.
///
/// Chosen by measurement over general-purpose allocators (see README, "Allocator").
pub(crate) struct BumpAllocator<M> {
    memory: M,
    /// First free byte; 0 until the first allocation.
    next: Cell<usize>,
    /// End of the memory the module has so far.
    end: Cell<usize>,
    /// End of the highest allocation ever made: every byte above it is zero.
    touched: Cell<usize>,
}

impl<M> BumpAllocator<M> {
    /// An allocator that has handed out nothing of `memory` yet.
    pub(crate) const fn new(memory: M) -> Self {
        BumpAllocator {
            memory,
            next: Cell::new(0),
            end: Cell::new(0),
            touched: Cell::new(0),
        }
    }
}

impl<M: Memory> BumpAllocator<M> {
    fn start(&self) -> usize {
        if self.next.get() == 0 {
            self.next.set(self.memory.heap_base());
            self.end.set(self.memory.end());
        }
        self.next.get()
    }

    /// Makes `[.., new_next)` available, growing the memory if needed.
    fn reserve_until(&self, new_next: usize) -> bool {
        let end = self.end.get();
        if new_next > end {
            let pages = (new_next - end).div_ceil(PAGE_SIZE);
            if !self.memory.grow(pages) {
                return false;
            }
            self.end.set(end + pages * PAGE_SIZE);
        }
        self.next.set(new_next);
        self.touched.set(self.touched.get().max(new_next));
        true
    }
}

unsafe impl<M: Memory> GlobalAlloc for BumpAllocator<M> {
    #[inline(never)]
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

#[cfg(test)]
mod tests {
    use core::cell::Cell;
    use std::{vec, vec::Vec};

    use super::*;

    /// A host stand-in for a Wasm memory: `max_pages` pages of zeroed bytes, of which the first
    /// `pages` are the memory so far; the heap starts `heap_offset` bytes in.
    struct FakeMemory {
        /// Owns the bytes; only reached through the addresses the allocator hands out.
        _region: Vec<u8>,
        base: usize,
        heap_offset: usize,
        pages: Cell<usize>,
        max_pages: usize,
        /// Every `grow` asked for, granted or not.
        grow_requests: Cell<usize>,
        pages_requested: Cell<usize>,
        bounds_asked: Cell<usize>,
    }

    impl FakeMemory {
        fn new(heap_offset: usize, pages: usize, max_pages: usize) -> Self {
            let mut region = vec![0u8; max_pages * PAGE_SIZE];
            let base = region.as_mut_ptr().expose_provenance();
            FakeMemory {
                _region: region,
                base,
                heap_offset,
                pages: Cell::new(pages),
                max_pages,
                grow_requests: Cell::new(0),
                pages_requested: Cell::new(0),
                bounds_asked: Cell::new(0),
            }
        }

        fn heap_start(&self) -> usize {
            self.base + self.heap_offset
        }

        fn current_end(&self) -> usize {
            self.base + self.pages.get() * PAGE_SIZE
        }
    }

    impl Memory for FakeMemory {
        fn heap_base(&self) -> usize {
            self.bounds_asked.set(self.bounds_asked.get() + 1);
            self.heap_start()
        }

        fn end(&self) -> usize {
            self.current_end()
        }

        fn grow(&self, pages: usize) -> bool {
            self.grow_requests.set(self.grow_requests.get() + 1);
            self.pages_requested.set(self.pages_requested.get() + pages);
            if pages > self.max_pages - self.pages.get() {
                return false;
            }
            self.pages.set(self.pages.get() + pages);
            true
        }
    }

    fn allocator(heap_offset: usize, pages: usize, max_pages: usize) -> BumpAllocator<FakeMemory> {
        BumpAllocator::new(FakeMemory::new(heap_offset, pages, max_pages))
    }

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    fn alloc(allocator: &BumpAllocator<FakeMemory>, layout: Layout) -> *mut u8 {
        // SAFETY: the layouts of these tests have a non-zero size unless said otherwise, and
        // this allocator accepts zero sizes anyway.
        unsafe { allocator.alloc(layout) }
    }

    fn fill(ptr: *mut u8, size: usize, byte: u8) {
        // SAFETY: `ptr` was handed out for at least `size` bytes.
        unsafe { ptr::write_bytes(ptr, byte, size) }
    }

    fn bytes<'a>(ptr: *const u8, size: usize) -> &'a [u8] {
        // SAFETY: `ptr` was handed out for at least `size` bytes, all initialised (the region
        // starts zeroed).
        unsafe { core::slice::from_raw_parts(ptr, size) }
    }

    #[test]
    fn every_pointer_is_aligned_for_its_layout() {
        // An odd heap base, so that alignment is never free.
        let allocator = allocator(3, 1, 64);
        let aligns = [1, 2, 4, 8, 16, 32, 64, 128, 256, 4096, PAGE_SIZE];
        let sizes = [0, 1, 2, 3, 7, 8, 15, 16, 17, 100, 1000];
        let mut count = 0;
        for &align in &aligns {
            for &size in &sizes {
                // An odd-sized block first, so that the next free byte is misaligned.
                let odd = alloc(&allocator, layout(1, 1));
                assert!(!odd.is_null());
                let ptr = alloc(&allocator, layout(size, align));
                assert!(!ptr.is_null(), "{size} bytes aligned to {align}");
                assert_eq!(ptr as usize % align, 0, "{size} bytes aligned to {align}");
                assert!(ptr as usize > odd as usize);
                fill(ptr, size, 0xEE);
                count += 1;
            }
        }
        assert_eq!(count, aligns.len() * sizes.len());
    }

    #[test]
    fn the_first_allocation_starts_at_the_heap_base() {
        let allocator = allocator(40, 1, 1);
        let ptr = alloc(&allocator, layout(8, 8));
        assert_eq!(ptr as usize, allocator.memory.heap_start());
        let next = alloc(&allocator, layout(1, 1));
        assert_eq!(next as usize, allocator.memory.heap_start() + 8);
        assert_eq!(allocator.memory.bounds_asked.get(), 1);
    }

    /// A small deterministic pseudo-random sequence (a 64-bit LCG).
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, bound: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 33) as usize % bound
        }
    }

    struct Block {
        ptr: *mut u8,
        layout: Layout,
        tag: u8,
    }

    /// Checks that the live blocks lie in the memory, are pairwise disjoint, and still hold the
    /// byte each was filled with.
    fn check_blocks(allocator: &BumpAllocator<FakeMemory>, blocks: &[Block]) {
        let mut ranges: Vec<(usize, usize)> = blocks
            .iter()
            .map(|block| (block.ptr as usize, block.ptr as usize + block.layout.size()))
            .collect();
        ranges.sort_unstable();
        for pair in ranges.windows(2) {
            assert!(pair[0].1 <= pair[1].0, "overlap: {pair:x?}");
        }
        for &(start, end) in &ranges {
            assert!(start >= allocator.memory.heap_start());
            assert!(end <= allocator.memory.current_end());
        }
        for block in blocks {
            assert_eq!(block.ptr as usize % block.layout.align(), 0);
            assert!(
                bytes(block.ptr, block.layout.size())
                    .iter()
                    .all(|&byte| byte == block.tag),
                "block {:p} lost its contents",
                block.ptr
            );
        }
    }

    #[test]
    fn live_allocations_never_overlap_and_keep_their_contents() {
        let allocator = allocator(16, 1, 64);
        let mut random = Lcg(0x5EED);
        let mut blocks: Vec<Block> = Vec::new();
        let mut next_tag = 1u8;
        let (mut allocs, mut frees, mut reallocs) = (0, 0, 0);
        for _ in 0..5_000 {
            match random.below(10) {
                0..=4 => {
                    let layout = layout(random.below(300), 1 << random.below(7));
                    let zeroed = random.below(2) == 0;
                    // SAFETY: any layout, zero-sized included, is accepted by this allocator.
                    let ptr = unsafe {
                        if zeroed {
                            allocator.alloc_zeroed(layout)
                        } else {
                            allocator.alloc(layout)
                        }
                    };
                    assert!(!ptr.is_null());
                    if zeroed {
                        assert!(bytes(ptr, layout.size()).iter().all(|&byte| byte == 0));
                    }
                    next_tag = next_tag.wrapping_add(1).max(1);
                    fill(ptr, layout.size(), next_tag);
                    blocks.push(Block {
                        ptr,
                        layout,
                        tag: next_tag,
                    });
                    allocs += 1;
                }
                5..=7 if !blocks.is_empty() => {
                    // Often the latest block, which is freed in place.
                    let index = if random.below(2) == 0 {
                        blocks.len() - 1
                    } else {
                        random.below(blocks.len())
                    };
                    let block = blocks.swap_remove(index);
                    // SAFETY: `block` is live and was allocated with its layout.
                    unsafe { allocator.dealloc(block.ptr, block.layout) };
                    frees += 1;
                }
                8..=9 if !blocks.is_empty() => {
                    let index = if random.below(2) == 0 {
                        blocks.len() - 1
                    } else {
                        random.below(blocks.len())
                    };
                    let new_size = random.below(400);
                    let block = &mut blocks[index];
                    let kept = block.layout.size().min(new_size);
                    // SAFETY: `block` is live and was allocated with its layout.
                    let ptr = unsafe { allocator.realloc(block.ptr, block.layout, new_size) };
                    assert!(!ptr.is_null());
                    assert!(bytes(ptr, kept).iter().all(|&byte| byte == block.tag));
                    block.ptr = ptr;
                    block.layout = layout(new_size, block.layout.align());
                    fill(ptr, new_size, block.tag);
                    reallocs += 1;
                }
                _ => {}
            }
            check_blocks(&allocator, &blocks);
        }
        // The sequence did exercise every operation.
        assert!(allocs > 1_000 && frees > 500 && reallocs > 500);
    }

    #[test]
    fn alloc_zeroed_clears_memory_that_was_handed_out_before() {
        let allocator = allocator(0, 1, 4);
        let kept = alloc(&allocator, layout(32, 8));
        fill(kept, 32, 0xCD);
        let freed = alloc(&allocator, layout(64, 8));
        fill(freed, 64, 0xAB);
        // SAFETY: `freed` is live, with this layout.
        unsafe { allocator.dealloc(freed, layout(64, 8)) };
        // SAFETY: non-zero size.
        let zeroed = unsafe { allocator.alloc_zeroed(layout(128, 8)) };
        // Same place: 64 dirty bytes, then 64 never touched.
        assert_eq!(zeroed, freed);
        assert_eq!(bytes(zeroed, 128), &[0u8; 128][..]);
        assert_eq!(bytes(kept, 32), &[0xCDu8; 32][..]);
    }

    #[test]
    fn alloc_zeroed_clears_what_a_shrinking_realloc_gave_back() {
        let allocator = allocator(0, 1, 4);
        let block = alloc(&allocator, layout(100, 4));
        fill(block, 100, 0x77);
        // SAFETY: `block` is live, with this layout.
        let shrunk = unsafe { allocator.realloc(block, layout(100, 4), 10) };
        assert_eq!(shrunk, block);
        // SAFETY: non-zero size.
        let zeroed = unsafe { allocator.alloc_zeroed(layout(50, 1)) };
        assert_eq!(zeroed as usize, block as usize + 10);
        assert_eq!(bytes(zeroed, 50), &[0u8; 50][..]);
        assert_eq!(bytes(shrunk, 10), &[0x77u8; 10][..]);
    }

    #[test]
    fn realloc_keeps_the_contents() {
        let allocator = allocator(0, 1, 4);
        let pattern: Vec<u8> = (0..=255).collect();
        let write = |ptr: *mut u8, size: usize| {
            // SAFETY: `ptr` was handed out for at least `size` bytes.
            unsafe { ptr::copy_nonoverlapping(pattern.as_ptr(), ptr, size) }
        };

        // The latest block grows in place.
        let latest = alloc(&allocator, layout(64, 8));
        write(latest, 64);
        // SAFETY: live, with this layout.
        let grown = unsafe { allocator.realloc(latest, layout(64, 8), 200) };
        assert_eq!(grown, latest);
        assert_eq!(bytes(grown, 64), &pattern[..64]);

        // An earlier block moves when it grows, and its bytes come along.
        let earlier = grown;
        let later = alloc(&allocator, layout(16, 8));
        fill(later, 16, 0x11);
        // SAFETY: live, with this layout.
        let moved = unsafe { allocator.realloc(earlier, layout(200, 8), 256) };
        assert_ne!(moved, earlier);
        assert!(moved as usize >= later as usize + 16);
        assert_eq!(moved as usize % 8, 0);
        assert_eq!(bytes(moved, 64), &pattern[..64]);
        assert_eq!(bytes(later, 16), &[0x11u8; 16][..]);

        // An earlier block that shrinks stays where it is.
        let middle = later;
        // SAFETY: live, with this layout.
        let shrunk = unsafe { allocator.realloc(middle, layout(16, 8), 4) };
        assert_eq!(shrunk, middle);
        assert_eq!(bytes(shrunk, 4), &[0x11u8; 4][..]);

        // The latest block shrinks in place, and what it gave back is handed out next.
        // SAFETY: live, with this layout.
        let shrunk = unsafe { allocator.realloc(moved, layout(256, 8), 32) };
        assert_eq!(shrunk, moved);
        assert_eq!(bytes(shrunk, 32), &pattern[..32]);
        let after = alloc(&allocator, layout(1, 1));
        assert_eq!(after as usize, moved as usize + 32);
    }

    #[test]
    fn realloc_of_the_latest_block_grows_the_memory_in_place() {
        let allocator = allocator(0, 1, 4);
        let block = alloc(&allocator, layout(PAGE_SIZE - 8, 8));
        fill(block, PAGE_SIZE - 8, 0x42);
        // SAFETY: live, with this layout.
        let grown = unsafe { allocator.realloc(block, layout(PAGE_SIZE - 8, 8), 2 * PAGE_SIZE) };
        assert_eq!(grown, block);
        assert_eq!(allocator.memory.pages.get(), 2);
        assert!(bytes(grown, PAGE_SIZE - 8).iter().all(|&byte| byte == 0x42));
        assert!(bytes(grown, 2 * PAGE_SIZE)[PAGE_SIZE..]
            .iter()
            .all(|&byte| byte == 0));
    }

    #[test]
    fn the_memory_grows_by_the_pages_an_allocation_needs() {
        let allocator = allocator(1000, 1, 8);
        let fits = alloc(&allocator, layout(PAGE_SIZE - 1000, 1));
        assert!(!fits.is_null());
        assert_eq!(allocator.memory.grow_requests.get(), 0);

        // 2.5 pages past the end: 3 more pages.
        let size = 2 * PAGE_SIZE + PAGE_SIZE / 2;
        let big = alloc(&allocator, layout(size, 1));
        assert_eq!(big as usize, allocator.memory.base + PAGE_SIZE);
        assert_eq!(allocator.memory.grow_requests.get(), 1);
        assert_eq!(allocator.memory.pages_requested.get(), 3);
        assert_eq!(allocator.memory.pages.get(), 4);
        fill(big, size, 0x5A);

        // The rest of the last page is used before growing again.
        let rest = alloc(&allocator, layout(PAGE_SIZE / 2, 1));
        assert_eq!(rest as usize, big as usize + size);
        assert_eq!(allocator.memory.grow_requests.get(), 1);
        let more = alloc(&allocator, layout(1, 1));
        assert_eq!(more as usize, allocator.memory.base + 4 * PAGE_SIZE);
        assert_eq!(allocator.memory.pages.get(), 5);
        assert_eq!(allocator.memory.bounds_asked.get(), 1);
    }

    #[test]
    fn refused_growth_returns_null_and_changes_nothing() {
        let allocator = allocator(0, 1, 1);
        let first = alloc(&allocator, layout(100, 4));
        fill(first, 100, 0x99);

        assert!(alloc(&allocator, layout(PAGE_SIZE, 1)).is_null());
        // SAFETY: non-zero size.
        assert!(unsafe { allocator.alloc_zeroed(layout(PAGE_SIZE, 1)) }.is_null());
        // SAFETY: `first` is live, with this layout.
        assert!(unsafe { allocator.realloc(first, layout(100, 4), PAGE_SIZE + 1) }.is_null());
        // The realloc asked twice: in place, then for a fresh block.
        assert_eq!(allocator.memory.grow_requests.get(), 4);
        assert_eq!(allocator.memory.pages.get(), 1);

        // `first` is intact and still the latest block: what fits comes right after it.
        assert_eq!(bytes(first, 100), &[0x99u8; 100][..]);
        let second = alloc(&allocator, layout(PAGE_SIZE - 100, 1));
        assert_eq!(second as usize, first as usize + 100);
    }

    #[test]
    fn an_allocation_larger_than_any_memory_returns_null() {
        let allocator = allocator(0, 1, 2);
        let huge = layout(isize::MAX as usize - 7, 8);
        assert!(alloc(&allocator, huge).is_null());
        assert_eq!(allocator.memory.pages.get(), 1);
        assert!(!alloc(&allocator, layout(8, 8)).is_null());
    }

    #[test]
    fn freeing_the_latest_block_reuses_it_and_an_earlier_one_does_not() {
        let allocator = allocator(0, 1, 1);
        let first = alloc(&allocator, layout(24, 8));
        let second = alloc(&allocator, layout(40, 8));
        // SAFETY: live, with this layout.
        unsafe { allocator.dealloc(first, layout(24, 8)) };
        let third = alloc(&allocator, layout(8, 8));
        assert_eq!(third as usize, second as usize + 40);
        // SAFETY: live, with this layout.
        unsafe { allocator.dealloc(third, layout(8, 8)) };
        let fourth = alloc(&allocator, layout(16, 8));
        assert_eq!(fourth, third);
    }
}
