#pragma once

#include <QString>

namespace assay {

// One field of a model card: the sections of Mitchell et al. 2019, "Model Cards for Model
// Reporting", and the intake fields a risk function asks for before it accepts a model.
struct ModelCardSection {
    QString key;
    QString label;
    QString guidance; // what a complete answer covers, shown beside the editor
    bool intake = false;
};

} // namespace assay
