#include "TestMedia.h"
