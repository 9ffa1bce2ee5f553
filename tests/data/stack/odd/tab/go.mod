module example.com/tab

go	1.21
