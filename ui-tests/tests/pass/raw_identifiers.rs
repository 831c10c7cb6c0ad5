#[casper_dsl::contract(name = "typed")]
pub mod r#typed {
    /// `r#type` is the runtime argument `type`; `r#match` exports `match`.
    #[entry_point]
    pub fn r#match(r#type: u8) -> u8 {
        r#type
    }
}

fn main() {}
