#include "SeriesPalette.h"

#include <array>

namespace assay {
namespace {

constexpr std::array<QRgb, 10> tableau10{0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                                         0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};

} // namespace

QColor SeriesPalette::color(int index) {
    const auto n = static_cast<int>(tableau10.size());
    return QColor(tableau10.at(static_cast<std::size_t>(((index % n) + n) % n)));
}

int SeriesPalette::size() {
    return static_cast<int>(tableau10.size());
}

} // namespace assay
