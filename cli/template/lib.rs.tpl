//! The module to deploy: the exports of `{{crate}}-{{member}}` ({{member}}/src/lib.rs), linked in
//! a crate that is only a `cdylib`, so that LTO leaves nothing but what the engine runs.
#![cfg_attr(target_arch = "wasm32", no_std)]

extern crate {{module}}_{{member}};
