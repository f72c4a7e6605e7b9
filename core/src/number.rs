//! Numbers the Vietnamese way: a dot between groups of thousands.

/// "3.314.815" for 3314815.
pub fn group_thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    grouped
}

/// An amount of money as Vietnamese writes it: "1.250.000.000 đồng".
pub fn vnd(amount: u64) -> String {
    format!("{} đồng", group_thousands(amount))
}

#[cfg(test)]
mod tests {
    use super::{group_thousands, vnd};

    #[test]
    fn money_is_written_in_dong_with_dots() {
        assert_eq!(vnd(1_250_000_000), "1.250.000.000 đồng");
        assert_eq!(vnd(950_000), "950.000 đồng");
        assert_eq!(vnd(0), "0 đồng");
    }

    #[test]
    fn groups_by_three_from_the_right() {
        assert_eq!(group_thousands(3_314_815), "3.314.815");
        assert_eq!(group_thousands(2490), "2.490");
        assert_eq!(group_thousands(1), "1");
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(100_000), "100.000");
        assert_eq!(group_thousands(u64::MAX), "18.446.744.073.709.551.615");
    }
}
