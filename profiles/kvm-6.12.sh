# profiles/kvm-6.12.sh - KVM from Debian 13 (trixie)'s arm64 kernel 6.12
# (linux-image-arm64 -> linux-image-6.12.*+deb13-arm64) with Debian 13's
# QEMU 10 (qemu-system-arm:arm64 1:10.0.*) as the VMM inside L1, booted
# exactly as profiles/kvm.sh boots 6.1 + QEMU 7.2 (same agent, same options).
# Assets: mk/kvm.mk `kvm-6.12-assets`, in $ISV_ASSETS/kvm-6.12, fetched with
# a private apt state whose sources list names trixie ($ISV_ASSETS/debs-trixie).
# shellcheck disable=SC2034 # read by profiles/kvm.sh
KVM_DIR=$ISV_ASSETS/kvm-6.12 KVM_ASSETS=kvm-6.12-assets
# shellcheck source=profiles/kvm.sh
. "$ISV_TOP/profiles/kvm.sh"
