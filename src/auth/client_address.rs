//! The address a request comes from, as login throttling counts it: the socket's peer, or a
//! forwarding header only where the peer is a proxy we were told to trust.

use std::fmt;
use std::net::{IpAddr, SocketAddr};

use rocket::request::{FromRequest, Outcome, Request};

/// A forwarding header (`X-Forwarded-For`, `X-Real-IP`, ...) and the proxies it is believed
/// from. Anyone else could write any address into it, to dodge the limit or lock others out.
#[derive(Debug, Clone)]
pub struct ProxyTrust {
    pub header: String,
    pub proxies: Vec<AddressRange>,
}

impl ProxyTrust {
    fn trusts(&self, address: IpAddr) -> bool {
        self.proxies.iter().any(|range| range.contains(address))
    }

    /// The client behind `peer`. The header lists one address per hop, each proxy appending
    /// the one it saw; read from the right, the first address no trusted proxy owns is the
    /// client's (the ones to its left were written by the client itself).
    pub fn client_of(&self, peer: IpAddr, forwarded: &[&str]) -> IpAddr {
        if !self.trusts(peer) {
            return peer;
        }
        let hops = forwarded.iter().flat_map(|line| line.split(',')).rev();
        let mut client = peer;
        for hop in hops {
            match parse_hop(hop.trim()) {
                Some(address) => client = address,
                None => break,
            }
            if !self.trusts(client) {
                break;
            }
        }
        client
    }
}

/// One hop: an address, or an address with a port as some proxies write it.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|s| s.ip()))
}

/// One address, or a network in CIDR notation (`10.0.0.0/8`, `fd00::/8`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AddressRange {
    network: IpAddr,
    prefix: u8,
}

impl AddressRange {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let raw = raw.trim();
        let (address, prefix) = raw.split_once('/').unwrap_or((raw, ""));
        let network: IpAddr = address
            .parse()
            .map_err(|_| format!("{raw:?} is not an IP address or CIDR range"))?;
        let bits = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            "" => bits,
            digits => digits
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= bits)
                .ok_or_else(|| format!("{raw:?} has no valid prefix length"))?,
        };
        Ok(AddressRange { network, prefix })
    }

    fn contains(&self, address: IpAddr) -> bool {
        let (network, address, bits) = match (self.network, address) {
            (IpAddr::V4(n), IpAddr::V4(a)) => (u32::from(n).into(), u32::from(a).into(), 32),
            (IpAddr::V6(n), IpAddr::V6(a)) => (u128::from(n), u128::from(a), 128),
            _ => return false,
        };
        let host_bits = bits - u32::from(self.prefix);
        let mask = u128::MAX.checked_shl(host_bits).unwrap_or(0);
        network & mask == address & mask
    }
}

/// The request guard: the client's address, `None` when even the peer is unknown (Rocket's
/// local test client sets none unless asked).
pub struct ClientAddress(Option<IpAddr>);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for ClientAddress {
    type Error = std::convert::Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        Outcome::Success(ClientAddress::of(request))
    }
}

impl ClientAddress {
    pub fn of(request: &Request<'_>) -> ClientAddress {
        let peer = request.remote().map(|socket| socket.ip());
        let address = match (peer, request.rocket().state::<ProxyTrust>()) {
            (Some(peer), Some(trust)) => {
                let forwarded: Vec<&str> = request.headers().get(&trust.header).collect();
                Some(trust.client_of(peer, &forwarded))
            }
            (peer, _) => peer,
        };
        ClientAddress(address)
    }
}

impl fmt::Display for ClientAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(address) => address.fmt(f),
            None => f.write_str("unknown"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("an address")
    }

    fn trust(ranges: &[&str]) -> ProxyTrust {
        ProxyTrust {
            header: "X-Forwarded-For".into(),
            proxies: ranges
                .iter()
                .map(|r| AddressRange::parse(r).expect("a range"))
                .collect(),
        }
    }

    #[test]
    fn ranges_hold_the_addresses_of_their_network_only() {
        let lan = AddressRange::parse("10.1.0.0/16").expect("a range");
        assert!(lan.contains(ip("10.1.255.3")) && !lan.contains(ip("10.2.0.1")));
        assert!(!lan.contains(ip("::ffff:10.1.0.1")), "families do not mix");
        let one = AddressRange::parse("fd00::1").expect("an address");
        assert!(one.contains(ip("fd00::1")) && !one.contains(ip("fd00::2")));
        assert!(AddressRange::parse("0.0.0.0/0").is_ok_and(|all| all.contains(ip("8.8.8.8"))));
        for bad in ["10.0.0.0/33", "proxy.local", "10.0.0.0/x", ""] {
            assert!(AddressRange::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_client_is_the_last_address_no_trusted_proxy_owns() {
        let trust = trust(&["10.0.0.0/8"]);
        let peer = ip("10.0.0.1");
        let client = |lines: &[&str]| trust.client_of(peer, lines);
        assert_eq!(client(&["1.1.1.1, 2.2.2.2"]), ip("2.2.2.2"));
        assert_eq!(client(&["1.1.1.1, 2.2.2.2, 10.0.0.7"]), ip("2.2.2.2"));
        assert_eq!(client(&["1.1.1.1", "2.2.2.2:443"]), ip("2.2.2.2"));
        assert_eq!(client(&["junk, 10.0.0.9"]), ip("10.0.0.9"));
        assert_eq!(client(&[]), peer);
        assert_eq!(trust.client_of(ip("3.3.3.3"), &["2.2.2.2"]), ip("3.3.3.3"));
    }
}
