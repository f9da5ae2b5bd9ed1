// isletsim public API: virtual subjects -- the shipped UVA/Padova average adult and published subjects
// (physiology/published_subjects.hpp), the Dalla Man 2007 normal and type 2 subjects
// (physiology/dalla_man_2007_subjects.hpp), subjects from simglucose-format CSV files (io/patient_parameters_csv.hpp),
// and the model-neutral VirtualSubject (engine/virtual_subject.hpp).
#pragma once

#include "engine/virtual_subject.hpp"
#include "io/patient_parameters_csv.hpp"
#include "physiology/dalla_man_2007_subjects.hpp"
#include "physiology/published_subjects.hpp"
