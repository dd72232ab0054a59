//! IPv4 CIDR arithmetic: parsing, overlap, and carving a VPC range into equal subnets. Pure,
//! so every range is checked at plan time, before AWS sees it.

use std::fmt;
use std::net::Ipv4Addr;

/// An IPv4 network: its first address and prefix length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cidr {
    pub addr: u32,
    pub prefix: u8,
}

#[derive(Debug, PartialEq, Eq)]
pub enum CidrError {
    /// Not `a.b.c.d/n` at all.
    Syntax,
    /// Bits set after the prefix; carries the network the user probably meant.
    HostBits(Cidr),
}

impl Cidr {
    pub fn parse(text: &str) -> Result<Cidr, CidrError> {
        let (addr, prefix) = text.split_once('/').ok_or(CidrError::Syntax)?;
        // Ipv4Addr rejects leading zeros ("010.0.0.0"), which AWS would read differently.
        let addr: Ipv4Addr = addr.parse().map_err(|_| CidrError::Syntax)?;
        if prefix.is_empty() || !prefix.chars().all(|c| c.is_ascii_digit()) || prefix.len() > 2 {
            return Err(CidrError::Syntax);
        }
        let prefix: u8 = prefix.parse().map_err(|_| CidrError::Syntax)?;
        if prefix > 32 {
            return Err(CidrError::Syntax);
        }
        let addr = u32::from(addr);
        let network = Cidr { addr: addr & mask(prefix), prefix };
        if network.addr != addr {
            return Err(CidrError::HostBits(network));
        }
        Ok(network)
    }

    /// Number of addresses in the range.
    pub fn size(&self) -> u64 {
        1u64 << (32 - self.prefix)
    }

    pub fn last(&self) -> u32 {
        (self.addr as u64 + self.size() - 1) as u32
    }

    pub fn overlaps(&self, other: &Cidr) -> bool {
        self.addr <= other.last() && other.addr <= self.last()
    }

    /// How many `/prefix` subnets fit in this range (0 if `prefix` is wider than the range).
    pub fn subnet_capacity(&self, prefix: u8) -> u64 {
        if prefix < self.prefix || prefix > 32 { 0 } else { 1u64 << (prefix - self.prefix) }
    }

    /// The `index`-th `/prefix` subnet, counting from the start of the range: subnet 0 of
    /// 10.0.0.0/16 at /24 is 10.0.0.0/24, subnet 1 is 10.0.1.0/24.
    pub fn subnet(&self, prefix: u8, index: u64) -> Option<Cidr> {
        (index < self.subnet_capacity(prefix))
            .then(|| Cidr { addr: self.addr + (index << (32 - prefix as u32)) as u32, prefix })
    }
}

fn mask(prefix: u8) -> u32 {
    if prefix == 0 { 0 } else { u32::MAX << (32 - prefix) }
}

impl fmt::Display for Cidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", Ipv4Addr::from(self.addr), self.prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Cidr {
        Cidr::parse(s).unwrap()
    }

    #[test]
    fn parses_networks_and_round_trips() {
        assert_eq!(c("10.20.0.0/16"), Cidr { addr: 0x0A14_0000, prefix: 16 });
        for s in ["10.20.0.0/16", "172.16.4.0/22", "192.168.1.0/24", "0.0.0.0/0", "10.0.0.1/32"] {
            assert_eq!(c(s).to_string(), s);
        }
    }

    #[test]
    fn rejects_what_is_not_a_cidr() {
        for bad in [
            "",
            "10.0.0.0",
            "10.0.0/16",
            "10.0.0.0/33",
            "10.0.0.0/",
            "10.0.0.0/+8",
            "010.0.0.0/8",
            "10.0.0.256/24",
            "ten/8",
            "10.0.0.0/16/1",
            " 10.0.0.0/16",
            "10.0.0.0/016",
        ] {
            assert_eq!(Cidr::parse(bad), Err(CidrError::Syntax), "{bad:?}");
        }
    }

    #[test]
    fn host_bits_suggest_the_network() {
        assert_eq!(Cidr::parse("10.1.2.3/16"), Err(CidrError::HostBits(c("10.1.0.0/16"))));
    }

    #[test]
    fn overlap_is_any_shared_address() {
        assert!(c("10.0.0.0/16").overlaps(&c("10.0.255.0/24")));
        assert!(c("10.0.255.0/24").overlaps(&c("10.0.0.0/16")));
        assert!(c("10.0.0.0/8").overlaps(&c("10.200.0.0/16")));
        assert!(!c("10.0.0.0/16").overlaps(&c("10.1.0.0/16")));
        // Adjacent ranges touch but share nothing.
        assert!(!c("10.0.0.0/24").overlaps(&c("10.0.1.0/24")));
        assert!(c("255.255.255.0/24").overlaps(&c("255.255.255.255/32")));
    }

    #[test]
    fn carves_subnets_in_order() {
        let vpc = c("10.20.0.0/16");
        assert_eq!(vpc.subnet_capacity(24), 256);
        assert_eq!(vpc.subnet(24, 0), Some(c("10.20.0.0/24")));
        assert_eq!(vpc.subnet(24, 3), Some(c("10.20.3.0/24")));
        assert_eq!(vpc.subnet(20, 2), Some(c("10.20.32.0/20")));
        assert_eq!(vpc.subnet(16, 0), Some(vpc));
        assert_eq!(vpc.subnet(16, 1), None);
        assert_eq!(vpc.subnet(15, 0), None);
        let small = c("192.168.7.0/24");
        assert_eq!(small.subnet_capacity(26), 4);
        assert_eq!(small.subnet(26, 3), Some(c("192.168.7.192/26")));
        assert_eq!(small.subnet(26, 4), None);
        assert_eq!(small.subnet(28, 15).unwrap().last(), small.last());
    }
}
