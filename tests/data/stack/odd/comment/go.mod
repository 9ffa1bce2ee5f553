module example.com/comment

go 1.22 // the oldest Go we test on
