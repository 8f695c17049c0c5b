document.title = "Spike Day";
